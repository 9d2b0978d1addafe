import type { ReactNode } from "react";
import { prerenderToNodeStream } from "react-dom/static";

/*
 * Server-rendered HTML of a tree that may hold async Server Components (the
 * clinic facts await the loaded site), which renderToStaticMarkup cannot wait for.
 */
export async function renderHtml(tree: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(tree);
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  return html;
}
