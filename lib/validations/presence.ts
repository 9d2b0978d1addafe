/*
 * What the presence heartbeat (POST /staff/presence) answers: the other
 * people with the page open, their time already in the clinic's time zone.
 * Browser-safe: the route writes it and the editor's notice reads it.
 */
export interface EditorShown {
  name: string;
  /** "14:02", in the clinic's time zone. */
  since: string;
}

export interface PresenceAnswer {
  editors: EditorShown[];
}

export const PRESENCE_PATH = "/staff/presence";

/** "Sam Lee is editing this page (since 14:02)": the one sentence, for the notice and its tests. */
export function editingSentence(editor: EditorShown): string {
  return `${editor.name} is editing this page (since ${editor.since})`;
}
