import type { Components } from "hast-util-to-jsx-runtime";
import { renderMdx } from "@/lib/content/mdx/render-mdx";
import { useMDXComponents } from "@/mdx-components";

/** A page body, from a content/ file or a browser revision: rendered, never run as code. */
export function MdxContent({ source }: { source: string }) {
  // Not a React hook despite its name (see mdx-components.tsx): a plain merge.
  const components = useMDXComponents({}) as Partial<Components>;
  return renderMdx(source, components);
}
