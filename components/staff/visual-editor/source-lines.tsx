"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/*
 * Line numbers beside the page text in source view, so a problem "on line 12"
 * can be found by eye. The textarea does not wrap while they show, so each
 * number stands beside its own line; the numbers scroll with the text.
 */
export function SourceLines({
  bodyId,
  shown,
  children,
}: {
  bodyId: string;
  shown: boolean;
  children: ReactNode;
}) {
  const [lines, setLines] = useState(1);
  const gutter = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const area = document.getElementById(bodyId);
    if (!(area instanceof HTMLTextAreaElement) || !shown) return;
    const count = () => setLines(area.value.split("\n").length);
    const scroll = () => {
      if (gutter.current) gutter.current.scrollTop = area.scrollTop;
    };
    area.wrap = "off";
    count();
    area.addEventListener("input", count);
    area.addEventListener("scroll", scroll);
    return () => {
      area.wrap = "soft";
      area.removeEventListener("input", count);
      area.removeEventListener("scroll", scroll);
    };
  }, [bodyId, shown]);

  return (
    <div className="flex items-stretch gap-0">
      {shown && (
        <div
          ref={gutter}
          aria-hidden="true"
          data-testid="line-numbers"
          className="mt-2 w-12 shrink-0 overflow-hidden border border-r-0 border-line py-2 pr-2 text-right font-mono text-sm leading-6 text-ink-muted select-none"
        >
          {Array.from({ length: lines }, (_, i) => (
            <div key={i}>{i + 1}</div>
          ))}
        </div>
      )}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
