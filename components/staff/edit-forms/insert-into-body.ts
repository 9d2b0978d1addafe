import { INSERT_TEXT_EVENT } from "../visual-editor/editor-context";

/*
 * Puts text from the tools beside the page text (an uploaded image's Figure,
 * a component) where the person's cursor is: in the visual editor when it is
 * open, otherwise in the textarea, as typed (the preview and the draft
 * follow either way).
 */
export function insertIntoBody(bodyId: string, text: string, options: { ownLine: boolean }) {
  const area = document.getElementById(bodyId);
  if (!(area instanceof HTMLTextAreaElement)) return;
  const ask = new CustomEvent(INSERT_TEXT_EVENT, { detail: text, cancelable: true });
  if (area.dispatchEvent(ask)) typeIntoTextarea(area, text, options);
}

/**
 * Puts the text at the textarea's cursor as typing would, so Ctrl+Z takes it
 * back and the preview and draft follow. A block (`ownLine`) gets a blank
 * line either side, however the cursor stood; a phrase goes into the line.
 */
export function typeIntoTextarea(
  area: HTMLTextAreaElement,
  text: string,
  options: { ownLine: boolean },
) {
  let typed = text;
  if (options.ownLine) {
    const before = area.value.slice(0, area.selectionStart);
    const after = area.value.slice(area.selectionEnd);
    const lead =
      before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    const trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
    typed = `${lead}${text}${trail}`;
  }
  area.focus();
  // insertText keeps the browser's undo; where it is missing, set the text and say it changed.
  if (!document.execCommand("insertText", false, typed)) {
    area.setRangeText(typed, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
