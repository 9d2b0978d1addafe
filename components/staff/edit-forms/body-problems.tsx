"use client";

import { SHOW_SOURCE_EVENT } from "../visual-editor/editor-context";

/** The line a problem names ("line 3" or "Line 3:"), the editor's handle for showing it. */
function lineOf(problem: string): number | undefined {
  const match = /\bline (\d+)/i.exec(problem);
  return match ? Number(match[1]) : undefined;
}

/** Selects a line of the text area and scrolls it into view, so the slip is found at once. */
function showLine(bodyId: string, line: number): void {
  const area = document.getElementById(bodyId);
  if (!(area instanceof HTMLTextAreaElement)) return;
  const lines = area.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  // Behind the visual editor the text is hidden: lines are numbered in source view.
  area.dispatchEvent(new Event(SHOW_SOURCE_EVENT));
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 24;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/**
 * The page text's problems, each naming its line. Without JavaScript the
 * line number in the message is the guide; with it, a button selects that
 * line in the text and scrolls to it.
 */
export function BodyProblems({
  problems,
  bodyId,
  canJump,
}: {
  problems: string[];
  bodyId: string;
  canJump: boolean;
}) {
  if (problems.length === 0) return null;
  return (
    <div
      id={`${bodyId}-error`}
      className="my-2 rounded-md border-2 border-danger bg-danger-soft p-3 text-danger"
    >
      <p className="font-semibold">Problems in the page text:</p>
      <ul className="list-disc pl-6">
        {problems.map((problem) => {
          const line = lineOf(problem);
          return (
            <li key={problem}>
              {problem}
              {canJump && line !== undefined && (
                <button
                  type="button"
                  className="ml-2 font-semibold underline"
                  onClick={() => showLine(bodyId, line)}
                >
                  Show line {line}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
