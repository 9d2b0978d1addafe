import { diffIndices } from "node-diff3";
import { EDITOR_FIELDS, type EditorField } from "@/lib/validations/editor-state";
import { splitBlocks } from "./blocks";
import type { PageText } from "./merge-page";

/*
 * What one version of a page changed from the one before, as a reader sees
 * it: the page details that differ, and the blocks of text that differ (each
 * block beside the one it replaced), for the history to show rendered with
 * the changed words marked (./highlight.ts).
 */
export interface PageChanges {
  fields: { field: EditorField; from: string; to: string }[];
  /** `from` is "" for a new block, `to` is "" for a removed one. */
  blocks: { from: string; to: string }[];
}

export function pageChanges(from: PageText, to: PageText): PageChanges {
  const fields = EDITOR_FIELDS.filter((field) => from.fields[field] !== to.fields[field]).map(
    (field) => ({ field, from: from.fields[field], to: to.fields[field] }),
  );
  const before = splitBlocks(from.body).blocks;
  const after = splitBlocks(to.body).blocks;
  const blocks = diffIndices(before, after).flatMap((hunk) => {
    const removed = before.slice(hunk.buffer1[0], hunk.buffer1[0] + hunk.buffer1[1]);
    const added = after.slice(hunk.buffer2[0], hunk.buffer2[0] + hunk.buffer2[1]);
    // Blocks edited in place pair up one by one; otherwise the old ones and the new ones as a whole.
    if (removed.length === added.length)
      return removed.map((block, i) => ({ from: block, to: added[i] ?? "" }));
    return [{ from: removed.join("\n\n"), to: added.join("\n\n") }];
  });
  return { fields, blocks };
}
