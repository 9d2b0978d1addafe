import Link from "next/link";
import type { Entry } from "@/lib/content/types";

export function ArticlePager({ previous, next }: { previous?: Entry; next?: Entry }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="More articles" className="mt-10 grid gap-4 sm:grid-cols-2 print:hidden">
      {previous && (
        <Link
          href={previous.href}
          className="rounded-lg border border-line p-4 no-underline hover:bg-brand-soft"
        >
          <span className="block text-sm text-ink-muted">Previous article</span>
          <span className="font-semibold underline">{previous.frontmatter.title}</span>
        </Link>
      )}
      {next && (
        <Link
          href={next.href}
          className="rounded-lg border border-line p-4 text-right no-underline hover:bg-brand-soft sm:col-start-2"
        >
          <span className="block text-sm text-ink-muted">Next article</span>
          <span className="font-semibold underline">{next.frontmatter.title}</span>
        </Link>
      )}
    </nav>
  );
}
