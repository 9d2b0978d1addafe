import "server-only";
import type { DraftKey } from "@/lib/db/page-drafts";
import type { StaffActor } from "./actor";

/*
 * Whose draft this is, decided here and nowhere else: the account. A draft
 * outlives the sign-in it was typed in (sign-out, idle sign-out, 8 hours),
 * and the same person finds it at their next sign-in, from any device.
 * Drafts kept under typed names before personal accounts stay in the table
 * under those keys, offered to nobody.
 */
export function draftOwner(person: Pick<StaffActor, "accountId">): string {
  return `account:${person.accountId}`;
}

/** An existing page by its address; a page not yet published is "new" (one per person). */
export function draftPage(values: { isNew: boolean; slug: string }): string {
  return values.isNew ? "new" : `/${values.slug}`;
}

/** The key for a page opened by this person. */
export function draftKeyOf(
  person: Pick<StaffActor, "accountId">,
  values: { isNew: boolean; slug: string },
): DraftKey {
  return { owner: draftOwner(person), page: draftPage(values) };
}
