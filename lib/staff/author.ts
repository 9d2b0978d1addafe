import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { getSecretKey } from "@/lib/secrets";
import { sessionCookieOptions, type StaffSession } from "./session";

/*
 * The name a staff member publishes under, asked once per sign-in. It is tied
 * to that sign-in's nonce and signed, so it ends with the session and cannot
 * be carried over to another one or edited in the browser.
 */
const AUTHOR_COOKIE = "staff_author";

function mac(nonce: string, name: string): string {
  return createHmac("sha256", getSecretKey("staff-author"))
    .update(`${nonce}\n${name}`)
    .digest("base64url");
}

export async function getAuthorName(session: StaffSession): Promise<string> {
  // Until the name question goes (issue 16), it starts from the account's name.
  const fallback = session.account?.name ?? "";
  const value = (await cookies()).get(AUTHOR_COOKIE)?.value;
  if (!value || value.length > 400) return fallback;
  const cut = value.lastIndexOf(".");
  const name = Buffer.from(value.slice(0, cut), "base64url").toString("utf8");
  const given = Buffer.from(value.slice(cut + 1), "base64url");
  const expected = Buffer.from(mac(session.nonce, name), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fallback;
  return name || fallback;
}

export async function rememberAuthorName(session: StaffSession, name: string): Promise<void> {
  const value = `${Buffer.from(name, "utf8").toString("base64url")}.${mac(session.nonce, name)}`;
  const options = sessionCookieOptions(process.env.NODE_ENV === "production");
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
  (await cookies()).set(AUTHOR_COOKIE, value, { ...options, maxAge });
}
