import { formatDate } from "@/lib/content/site/format-date";
import type { Entry } from "@/lib/content/types";

export function ArticleMeta({ entry }: { entry: Entry }) {
  const { lastReviewed, reviewedBy, kind } = entry.frontmatter;
  return (
    <p className="mt-3 text-sm text-ink-muted">
      Last reviewed <time dateTime={lastReviewed}>{formatDate(lastReviewed)}</time> by {reviewedBy}
      {kind === "article" && <> · {entry.readingMinutes} minute read</>}
    </p>
  );
}
