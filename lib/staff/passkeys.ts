import "server-only";
import { randomUUID } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import {
  addPasskey,
  getPasskey,
  listPasskeys,
  recordPasskeyUse,
  saveChallenge,
  takeChallenge,
  type Passkey,
} from "@/lib/db/staff-passkeys";
import { siteUrl } from "@/lib/site-url";
import { PASSKEY_NAME_MAX } from "@/lib/validations/two-step-messages";

/*
 * Passkeys (WebAuthn): a way in that replaces password + code, so each one
 * must be a discoverable credential (the browser offers it without an email)
 * and must verify the person (fingerprint, face or device PIN): possession of
 * the device plus that check are the two steps. The relying party is the
 * site's own address (SITE_URL): a passkey made for it answers nowhere else.
 *
 * Each ceremony's challenge is stored and taken out once (lib/db/staff-passkeys.ts),
 * so an answer cannot be replayed; it expires after five minutes.
 */
const CHALLENGE_MINUTES = 5;

type Db = Kysely<Database>;

export function relyingParty(): { id: string; origin: string } {
  const url = new URL(siteUrl());
  return { id: url.hostname, origin: url.origin };
}

async function storeChallenge(
  db: Db,
  challenge: string,
  purpose: "register" | "sign-in",
  accountId: string | null,
  now: Date,
): Promise<string | undefined> {
  const id = randomUUID();
  const expires_at = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString();
  const row = { id, challenge, purpose, account_id: accountId, expires_at };
  return (await saveChallenge(db, row, now)) ? id : undefined;
}

export async function passkeyRegistrationOptions(
  db: Db,
  account: { id: string; email: string; name: string },
  rpName: string,
  now: Date,
): Promise<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const existing = await listPasskeys(db, account.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID: relyingParty().id,
    userName: account.email,
    userDisplayName: account.name,
    userID: new TextEncoder().encode(account.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  const challengeId = await storeChallenge(db, options.challenge, "register", account.id, now);
  // Only sign-in challenges are capped; a signed-in person's are always kept.
  if (!challengeId) throw new Error("A passkey registration challenge was not stored");
  return { challengeId, options };
}

export type PasskeyResult<T> = { ok: true; value: T } | { ok: false };

/** Verifies the browser's answer and keeps the new passkey under `name`. */
export async function finishPasskeyRegistration(
  db: Db,
  accountId: string,
  input: { challengeId: string; response: RegistrationResponseJSON; name: string },
  now: Date,
): Promise<PasskeyResult<Passkey>> {
  const challenge = await takeChallenge(db, input.challengeId, "register", now);
  if (!challenge || challenge.account_id !== accountId) return { ok: false };
  const { id: rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch {
    return { ok: false }; // malformed answer: the library says why, the person only needs "try again"
  }
  if (!verification.verified) return { ok: false };
  const { credential } = verification.registrationInfo;
  if (await getPasskey(db, credential.id)) return { ok: false };
  const passkey = {
    id: credential.id,
    accountId,
    publicKey: isoBase64URL.fromBuffer(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name: input.name.trim().slice(0, PASSKEY_NAME_MAX) || "Passkey",
  };
  await addPasskey(db, passkey, now);
  return { ok: true, value: { ...passkey, createdAt: now.toISOString(), lastUsedAt: null } };
}

/** Options for signing in with any passkey of this site: the passkey itself names the account. */
export async function passkeySignInOptions(
  db: Db,
  now: Date,
): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON } | "busy"> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: "required",
  });
  const challengeId = await storeChallenge(db, options.challenge, "sign-in", null, now);
  return challengeId ? { challengeId, options } : "busy";
}

/** The account whose passkey answered the challenge, or not ok. */
export async function finishPasskeySignIn(
  db: Db,
  input: { challengeId: string; response: AuthenticationResponseJSON },
  now: Date,
): Promise<PasskeyResult<{ accountId: string; passkeyId: string }>> {
  const challenge = await takeChallenge(db, input.challengeId, "sign-in", now);
  const passkey = challenge && (await getPasskey(db, String(input.response?.id)));
  if (!challenge || !passkey) return { ok: false };
  const userHandle = input.response.response?.userHandle;
  if (userHandle && isoBase64URL.toUTF8String(userHandle) !== passkey.accountId) {
    return { ok: false };
  }
  const { id: rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response: input.response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.id,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
  } catch {
    return { ok: false }; // includes a signature counter that went backwards (a cloned key)
  }
  if (!verification.verified) return { ok: false };
  await recordPasskeyUse(db, passkey.id, verification.authenticationInfo.newCounter, now);
  return { ok: true, value: { accountId: passkey.accountId, passkeyId: passkey.id } };
}
