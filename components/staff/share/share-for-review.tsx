import { getDb } from "@/lib/db/client";
import { shownReviewLinks } from "@/lib/staff/review-links";
import { SharePanel } from "./share-panel";

/** The share panel as the editor opens, with the page's live review links. */
export async function ShareForReview({ slug, timeZone }: { slug: string; timeZone: string }) {
  const links = await shownReviewLinks(await getDb(), slug, new Date(), timeZone);
  return <SharePanel slug={slug} initial={{ answer: 0, links }} />;
}
