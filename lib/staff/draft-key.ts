import "server-only";
import type { DraftKey } from "@/lib/db/page-drafts";
import type { StaffSession } from "./session";

/*
 * Whose draft this is, decided here and nowhere else: the account. A draft
 * outlives the sign-in it was typed in (sign-out, idle sign-out, 8 hours),
 * and the same person finds it at their next sign-in, from any device.
 * Drafts kept under typed names before personal accounts stay in the table
 * under those keys, offered to nobody.
 */
export function draftOwner(session: Pick<StaffSession, "accountId">): string {
  return `account:${session.accountId}`;
}

/** An existing page by its address; a page not yet published is "new" (one per person). */
export function draftPage(values: { isNew: boolean; slug: string }): string {
  return values.isNew ? "new" : `/${values.slug}`;
}

/** The key for a page opened by this person. */
export async function draftKeyOf(
  session: Pick<StaffSession, "accountId">,
  values: { isNew: boolean; slug: string },
): Promise<DraftKey> {
  return { owner: draftOwner(session), page: draftPage(values) };
}
