"use client";

import {
  addComposerChild$,
  insertJsx$,
  insertMarkdown$,
  realmPlugin,
  rootEditor$,
  useCellValue,
  usePublisher,
} from "@mdxeditor/editor";
import { useEffect } from "react";
import { snippetBlock } from "@/lib/content/visual/block-form";
import { INSERT_TEXT_EVENT } from "./editor-context";

/*
 * The tools beside the page text ("Add an image", the component list) ask
 * for their text to be placed (insert-into-body.ts); while the visual editor
 * is open, it is placed here, at the editor's cursor (Lexical keeps it while
 * the person fills in the tool's form), or at the end of the page when there
 * has been none. A component's one-tag text goes in as its block, as
 * "+ Block" places one, so a clinic fact or a Cite stays in its sentence.
 */
export const toolsPlugin = realmPlugin<{ bodyId: string }>({
  init(realm, params) {
    const bodyId = params?.bodyId ?? "";
    realm.pub(addComposerChild$, () => <PlaceFromTools bodyId={bodyId} />);
  },
});

function PlaceFromTools({ bodyId }: { bodyId: string }) {
  const insertJsx = usePublisher(insertJsx$);
  const insertMarkdown = usePublisher(insertMarkdown$);
  const rootEditor = useCellValue(rootEditor$);

  useEffect(() => {
    const area = document.getElementById(bodyId);
    if (!area) return;
    const place = (event: Event) => {
      if (!(event instanceof CustomEvent) || typeof event.detail !== "string") return;
      event.preventDefault();
      const text: string = event.detail;
      const block = snippetBlock(text);
      if (block) insertJsx(block);
      else rootEditor?.focus(() => insertMarkdown(text), { defaultSelection: "rootEnd" });
    };
    area.addEventListener(INSERT_TEXT_EVENT, place);
    return () => area.removeEventListener(INSERT_TEXT_EVENT, place);
  }, [bodyId, insertJsx, insertMarkdown, rootEditor]);

  return null;
}
