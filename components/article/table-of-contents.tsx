import type { Heading } from "@/lib/content/types";

/** Shown only when there is enough to navigate: three or more sections. */
export function TableOfContents({ sections }: { sections: Heading[] }) {
  if (sections.length < 3) return null;
  return (
    <nav
      aria-labelledby="toc-heading"
      className="my-8 rounded-lg border border-line bg-surface-raised p-5"
    >
      <h2 id="toc-heading" className="text-base font-semibold">
        On this page
      </h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6">
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
