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
  if (!area.dispatchEvent(ask)) return;
  let inserted = text;
  if (options.ownLine) {
    // On a line of its own, a blank line either side, however the cursor stood.
    const before = area.value.slice(0, area.selectionStart);
    const after = area.value.slice(area.selectionEnd);
    const lead =
      before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    const trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
    inserted = `${lead}${text}${trail}`;
  }
  area.focus();
  area.setRangeText(inserted, area.selectionStart, area.selectionEnd, "end");
  area.dispatchEvent(new Event("input", { bubbles: true }));
}
