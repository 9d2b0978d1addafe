"use client";

import { useEffect, useState } from "react";
import { describeDropped } from "@/lib/content/paste/dropped";
import { clipboardToMdx } from "@/lib/content/paste/paste";
import { typeIntoTextarea } from "./insert-into-body";

/*
 * In the page text, a paste of formatted text (from Word, Google Docs, a web
 * page, an email) goes in as Markdown: headings, lists, bold, links and
 * tables as the page writes them, not a run of words, and never as code.
 * What was left out (images, comments) is said beside the text. Plain text,
 * and code copied from a code editor, goes in as it is. Without JavaScript
 * the browser pastes the plain text, as it always did.
 */
export function PasteAsMarkdown({ bodyId }: { bodyId: string }) {
  const [notes, setNotes] = useState<string[]>([]);

  useEffect(() => {
    // Listened for on the document: the visual editor puts the page text back in a new element.
    const onPaste = (event: ClipboardEvent) => {
      const area = event.target;
      if (!(area instanceof HTMLTextAreaElement) || area.id !== bodyId) return;
      const html = event.clipboardData?.getData("text/html");
      if (!html) return;
      const result = clipboardToMdx({ html, text: event.clipboardData?.getData("text/plain") });
      setNotes(describeDropped(result.dropped));
      if (!result.formatted) return;
      event.preventDefault();
      typeIntoTextarea(area, result.markdown, { ownLine: result.markdown.includes("\n") });
    };
    const onNotes = (event: Event) => {
      const { detail } = event as CustomEvent<{ bodyId: string; notes: string[] }>;
      if (detail.bodyId === bodyId) setNotes(detail.notes);
    };
    document.addEventListener("paste", onPaste);
    document.addEventListener(PASTE_NOTES_EVENT, onNotes);
    return () => {
      document.removeEventListener("paste", onPaste);
      document.removeEventListener(PASTE_NOTES_EVENT, onNotes);
    };
  }, [bodyId]);

  return (
    <div aria-live="polite" data-testid="paste-notes">
      {notes.length > 0 && (
        <ul className="my-2 list-disc rounded-md border border-line bg-brand-soft py-2 pr-4 pl-8 text-sm text-ink">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const PASTE_NOTES_EVENT = "paste-notes";

/** Shows what a paste elsewhere (the visual editor) left out, in the same place under the text. */
export function showPasteNotes(bodyId: string, notes: string[]): void {
  document.dispatchEvent(new CustomEvent(PASTE_NOTES_EVENT, { detail: { bodyId, notes } }));
}
