import Link from "next/link";
import type { ComponentPropsWithoutRef } from "react";

/** Internal links go through next/link; links elsewhere never pass on who sent the visitor. */
export function MdxLink({ href = "", ...props }: ComponentPropsWithoutRef<"a">) {
  if (href.startsWith("/")) return <Link href={href} {...props} />;
  if (/^https?:/.test(href)) return <a href={href} rel="noopener noreferrer" {...props} />;
  return <a href={href} {...props} />;
}
