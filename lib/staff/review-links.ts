import "server-only";
import type { Kysely } from "kysely";
import { checkContent } from "@/lib/content/checks/check-content";
import { composeSource } from "@/lib/content/mdx/page-source";
import { getClinic } from "@/lib/content/site/site";
import type { Entry, PageRecord, Site } from "@/lib/content/types";
import { getDb } from "@/lib/db/client";
import { getPageDraft } from "@/lib/db/page-drafts";
import { createReviewLink, liveReviewLinks, openReviewLink } from "@/lib/db/review-links";
import type { Database } from "@/lib/db/types";
import { absoluteUrl } from "@/lib/site-url";
import {
  REVIEW_LINK_DAYS,
  REVIEW_PATH,
  type ReviewLinkShown,
  type ReviewLinksState,
} from "@/lib/validations/review-links";
import type { StaffActor } from "./actor";
import { draftKeyOf } from "./draft-key";
import { checkEditorValues } from "./editor-checks";
import { formatDateTime } from "./format";
import { openEditor } from "./open-editor";
import { issueToken, tokenHashFromLink } from "./tokens";

/*
 * "Share this draft for review": a private link a practitioner opens without
 * signing in. The token is made and hashed like an invitation's
 * (lib/staff/tokens.ts): 256 random bits, only the SHA-256 stored, found by
 * an equality lookup on the hash, so guessing is hopeless and a lookup's time
 * tells nothing.
 *
 * What it shows is decided when the link is made and stored with it: the
 * sharer's own draft of the page when they have one (it must pass the same
 * checks as a preview), else the page as published now. A snapshot, so the
 * reviewer reads exactly what was shared, even after the draft is published
 * or discarded; to show later changes, share again.
 */

export type TextToShare = { source: string; fromDraft: boolean } | { problem: string };

export async function textToShare(
  db: Kysely<Database>,
  options: { actor: StaffActor; page: PageRecord; site: Site },
): Promise<TextToShare> {
  const { actor, page, site } = options;
  const draft = await getPageDraft(db, draftKeyOf(actor, { isNew: false, slug: page.slug }));
  if (!draft) {
    return page.source === undefined
      ? { problem: "Not shared: this page has no text to show (it was deleted)." }
      : { source: page.source, fromDraft: false };
  }
  const { initial } = await openEditor({ actor, page, slug: page.slug, resume: true, site });
  const check = await checkEditorValues(initial.values, site);
  if (!check.frontmatter || check.bodyProblems.length > 0) {
    return {
      problem:
        "Not shared: your draft of this page has problems that stop it showing. Press Preview to see them, fix them, then share again.",
    };
  }
  return { source: composeSource(check.frontmatter, initial.values.body), fromDraft: true };
}

/** Makes a link to `source`; its address is returned this once and never stored. */
export async function shareForReview(
  db: Kysely<Database>,
  options: { actor: StaffActor; slug: string; source: string; now: Date },
): Promise<{ url: string; expiresAt: Date }> {
  const issued = issueToken(options.now, REVIEW_LINK_DAYS * 24);
  await createReviewLink(db, {
    tokenHash: issued.hash,
    page: options.slug,
    accountId: options.actor.accountId,
    source: options.source,
    now: options.now,
    expiresAt: issued.expiresAt,
  });
  return { url: absoluteUrl(`${REVIEW_PATH}/${issued.token}`), expiresAt: issued.expiresAt };
}

/** The page's live links as the share panel lists them. */
export async function shownReviewLinks(
  db: Kysely<Database>,
  slug: string,
  now: Date,
  timeZone: string,
): Promise<ReviewLinkShown[]> {
  return (await liveReviewLinks(db, slug, now)).map((link) => ({
    id: link.id,
    sharedBy: link.sharedBy,
    expires: formatDateTime(link.expiresAt, timeZone),
  }));
}

/** The editor's share panel as the page opens (components/staff/share/). */
export async function sharePanelState(slug: string, timeZone: string): Promise<ReviewLinksState> {
  return { answer: 0, links: await shownReviewLinks(await getDb(), slug, new Date(), timeZone) };
}

/**
 * The page behind a review link, built as the live page would be, or
 * nothing: an unknown, expired or revoked token all look the same.
 */
export async function openReview(token: unknown, now: Date): Promise<Entry | undefined> {
  const hash = tokenHashFromLink(token);
  if (!hash) return undefined;
  const link = await openReviewLink(await getDb(), hash, now);
  if (!link) return undefined;
  const { entries } = checkContent({
    pages: [{ slug: link.page, file: "review link", source: link.source }],
    clinic: await getClinic(),
  });
  return entries[0];
}
