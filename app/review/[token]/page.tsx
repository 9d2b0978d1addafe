import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftBanner } from "@/components/staff/share/draft-banner";
import { PagePreview } from "@/components/staff/editor/page-preview";
import { openReview } from "@/lib/staff/review-links";

// Per request: a link can be revoked or expire at any moment, and no token is known at build time.
export const dynamic = "force-dynamic";

// next.config.ts sends the same as headers (X-Robots-Tag, Referrer-Policy) for /review/*.
export const metadata: Metadata = {
  title: "Draft for review",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

/**
 * A draft shared for review (lib/staff/review-links.ts): read-only, opened
 * without signing in. An unknown, expired or revoked link is the site's one
 * "not found" page, so the answer never says which.
 */
export default async function ReviewPage({ params }: Props) {
  const entry = await openReview((await params).token, new Date());
  if (!entry) notFound();
  return (
    <>
      <DraftBanner />
      <PagePreview entry={entry} />
    </>
  );
}
