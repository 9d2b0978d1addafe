import "server-only";
import type { Kysely } from "kysely";
import { movePageDrafts, type DraftKey } from "@/lib/db/page-drafts";
import type { Database } from "@/lib/db/types";
import { getAuthorName, rememberAuthorName } from "./author";
import type { StaffSession } from "./session";

/*
 * Whose draft this is, decided here and nowhere else, so that personal
 * accounts (issue 16) replace these few lines with the account id.
 *
 * Today everyone signs in with the one staff password, and a sign-in ends
 * (sign-out, 8 hours) while the typing it holds must not. What tells people
 * apart and outlives a sign-in is the name they give (at sign-in, or with
 * their first publish), which they give again at the next sign-in; so a draft
 * is kept under that name, folded so that "Sam" and " sam" are one person.
 * Until a name is given, drafts belong to the sign-in and move to the name
 * once it is. (The name typed under Publish is not taken before a publish:
 * remembering it sets a cookie, and a server action that sets a cookie makes
 * Next.js render the page again under the typing.) Anyone holding the shared password could give another's name and
 * read that draft: no more than the password already allows (publish any page).
 */
export function draftOwner(session: StaffSession, name: string): string {
  const folded = name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
  return folded ? `name:${folded}` : `sign-in:${session.nonce}`;
}

/** An existing page by its address; a page not yet published is "new" (one per person). */
export function draftPage(values: { isNew: boolean; slug: string }): string {
  return values.isNew ? "new" : `/${values.slug}`;
}

/** The key for a page opened by this sign-in, from the name it has given (read-only: for pages). */
export async function draftKeyOf(
  session: StaffSession,
  values: { isNew: boolean; slug: string },
): Promise<DraftKey> {
  return { owner: draftOwner(session, await getAuthorName(session)), page: draftPage(values) };
}

/**
 * Remembers the name a publish was made under (actions only: it sets a
 * cookie). Drafts kept under the sign-in, or under the name it used before,
 * move to that name, so the next sign-in by that name finds them.
 */
export async function rememberName(
  db: Kysely<Database>,
  session: StaffSession,
  name: string,
): Promise<void> {
  const before = draftOwner(session, await getAuthorName(session));
  await rememberAuthorName(session, name);
  await movePageDrafts(db, before, draftOwner(session, name));
}
