import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import type { Role } from "@/lib/validations/permissions";

/*
 * A staff account row as the tests of other tables need one (presence,
 * review links, histories, account actions): written straight to the table,
 * with a stand-in password hash, since those tests are not about signing in.
 */
export async function addTestAccount(
  db: Kysely<Database>,
  account: {
    id: string;
    name?: string;
    email?: string;
    role?: Role;
    state?: "active" | "invited" | "disabled";
    at?: Date;
  },
): Promise<string> {
  const { id, state = "active" } = account;
  const at = (account.at ?? new Date(Date.UTC(2026, 11, 1))).toISOString();
  await db
    .insertInto("staff_accounts")
    .values({
      id,
      email: account.email ?? `${id}@example.com`,
      name: account.name ?? "",
      role: account.role ?? "editor",
      state,
      password_hash: state === "invited" ? null : "$argon2id$stand-in",
      created_at: at,
      updated_at: at,
      last_sign_in_at: null,
    })
    .execute();
  return id;
}
