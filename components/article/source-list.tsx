import { sourceHref, type Source } from "@/lib/content/checks/sources-schema";
import { getSources } from "@/lib/content/files/sources";
import type { ComponentProps } from "@/lib/validations/component-catalogue";
import type { Entry } from "@/lib/content/types";

export const sourceId = (key: string) => `source-${key}`;

/** The sources a page lists, in its order. */
export function pageSources(entry: Entry): Source[] {
  const sources = getSources();
  return (entry.frontmatter.sources ?? []).flatMap((key) => sources[key] ?? []);
}

/**
 * The page's sources, each cited in full the same way on every article:
 * authors, title, journal or publisher, year, volume and pages, and a link.
 * Read from frontmatter, so it works whatever renders the page's body.
 */
export function SourceList({ keys }: { keys: readonly string[] | undefined }) {
  const sources = getSources();
  const listed = (keys ?? []).flatMap((key) => {
    const source = sources[key];
    return source ? [{ key, source }] : [];
  });
  if (listed.length === 0) return null;
  return (
    <section aria-labelledby="sources-heading" className="mt-10 border-t border-line pt-6">
      <h2 id="sources-heading" className="text-xl font-semibold">
        Sources
      </h2>
      <ol className="mt-3 list-decimal space-y-3 pl-6 text-sm wrap-anywhere">
        {listed.map(({ key, source }) => (
          <li key={key} id={sourceId(key)}>
            <Citation source={source} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Citation({ source }: { source: Source }) {
  const href = sourceHref(source);
  const where = source.journal
    ? `${source.journal}. ${source.year}${source.volume ? `;${source.volume}` : ""}${source.pages ? `:${source.pages}` : ""}.`
    : `${source.publisher}, ${source.year}.`;
  return (
    <>
      {source.authors}. <cite>{source.title}</cite>. {where}
      {source.dates ? ` ${source.dates}.` : ""}
      {source.note ? ` ${source.note}` : ""}{" "}
      <a href={href} rel="noopener noreferrer">
        {source.doi ? `doi:${source.doi}` : href}
      </a>
    </>
  );
}

/** Points from a claim in the text to its full citation under "Sources". */
export function Cite({ source: key }: ComponentProps<"Cite">) {
  const source = getSources()[key];
  return (
    <>
      (<a href={`#${sourceId(key)}`}>{source?.label ?? key}</a>)
    </>
  );
}
