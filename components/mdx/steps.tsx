import type { ReactNode } from "react";

/** Styles the ordered list inside it as numbered steps along a line (see .steps in globals.css). */
export function Steps({ children }: { children?: ReactNode }) {
  return <div className="steps my-6">{children}</div>;
}
