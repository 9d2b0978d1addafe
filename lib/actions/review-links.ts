"use server";

import "server-only";
import { z } from "zod";
import { loadSite } from "@/lib/content/site/site";
import { revokeReviewLink } from "@/lib/db/review-links";
import { formFields, staffStateAction } from "@/lib/staff/action-client";
import { pageParamSchema } from "@/lib/staff/content-params";
import { formatDateTime } from "@/lib/staff/format";
import { shareForReview, shownReviewLinks, textToShare } from "@/lib/staff/review-links";
import { saveFailed } from "@/lib/staff/save-failure";
import type { ReviewLinksState } from "@/lib/validations/review-links";

/*
 * The editor's share panel (components/staff/share/): make a review link to
 * the person's draft of the page, or revoke a live one. One action with an
 * intent, so the panel's one answer always carries the list as it now is.
 * Neither touches the draft or the page.
 */
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("share"), slug: pageParamSchema }),
  z.object({ intent: z.literal("revoke"), slug: pageParamSchema, link: z.uuid() }),
]);

const next = (previous: ReviewLinksState) => previous.answer + 1;

export const reviewLinksAction = staffStateAction({
  endpoint: "reviewLinksAction",
  read: formFields(["intent", "slug", "link"]),
  schema,
  invalid: (_error, _raw, previous: ReviewLinksState): ReviewLinksState => ({
    ...previous,
    answer: next(previous),
    created: undefined,
    notice: undefined,
    error: "Nothing changed: the form was not understood. Reload the page and try again.",
  }),
  run: async ({ input, previous, actor, db, now, record }): Promise<ReviewLinksState> => {
    const site = await loadSite(db, { includeDrafts: true });
    const timeZone = site.clinic.timezone;
    const answer = next(previous);
    const object = { type: "page" as const, id: `/${input.slug}` };
    if (input.intent === "revoke") {
      const revoked = await revokeReviewLink(db, { id: input.link, page: input.slug }, now);
      if (revoked) record({ event: "review-link-revoked", object });
      return {
        answer,
        links: await shownReviewLinks(db, input.slug, now, timeZone),
        ...(revoked
          ? { notice: "Link revoked: it no longer opens." }
          : { error: "That link was already revoked or has expired: it no longer opens." }),
      };
    }
    const page = site.pages.find((p) => p.slug === input.slug && p.source !== undefined);
    const text = page
      ? await textToShare(db, { actor, page, site })
      : { problem: "Not shared: this page no longer exists." };
    if ("problem" in text) {
      return {
        answer,
        links: await shownReviewLinks(db, input.slug, now, timeZone),
        error: text.problem,
      };
    }
    const link = await shareForReview(db, { actor, slug: input.slug, source: text.source, now });
    record({
      event: "review-link-created",
      object,
      detail: { change: text.fromDraft ? "shows the sharer's draft" : "shows the published page" },
    });
    return {
      answer,
      links: await shownReviewLinks(db, input.slug, now, timeZone),
      created: {
        url: link.url,
        expires: formatDateTime(link.expiresAt.toISOString(), timeZone),
        fromDraft: text.fromDraft,
      },
    };
  },
  failed: (error, _raw, previous: ReviewLinksState): ReviewLinksState => ({
    ...previous,
    answer: next(previous),
    created: undefined,
    notice: undefined,
    error: saveFailed(error, "Nothing changed", "The page and your draft are untouched."),
  }),
});
