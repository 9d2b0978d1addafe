import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getPasskey,
  listPasskeys,
  MAX_OPEN_SIGN_IN_CHALLENGES,
  removePasskey,
} from "@/lib/db/staff-passkeys";
import { resetEnvCache } from "@/lib/env";
import {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  passkeyRegistrationOptions,
  passkeySignInOptions,
} from "@/lib/staff/passkeys";
import { DATABASES, type TestDb } from "../db/test-databases";
import { SoftAuthenticator } from "./soft-authenticator";

const ORIGIN = "https://clinic.example";
const saved = { ...process.env };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 14, minute));
const sam = { id: "acct-sam", email: "sam@clinic.example", name: "Sam Lee" };
const kim = { id: "acct-kim", email: "kim@clinic.example", name: "Kim Ito" };

beforeAll(() => {
  process.env.SITE_URL = `${ORIGIN}/`;
  resetEnvCache();
});
afterAll(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe.each(DATABASES)("passkeys on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  async function register(account: typeof sam, device: SoftAuthenticator, name = "Laptop") {
    const { challengeId, options } = await passkeyRegistrationOptions(
      t.db,
      account,
      "Clinic",
      at(0),
    );
    const response = device.register(options);
    return finishPasskeyRegistration(t.db, account.id, { challengeId, response, name }, at(1));
  }

  async function signInOptions(now: Date) {
    const started = await passkeySignInOptions(t.db, now);
    if (started === "busy") throw new Error("the sign-in challenges are at their cap");
    return started;
  }

  it("registers a discoverable, user-verifying passkey for the site's own address", async () => {
    const device = new SoftAuthenticator(ORIGIN);
    const { options } = await passkeyRegistrationOptions(t.db, sam, "Clinic", at(0));
    expect(options.rp).toEqual({ id: "clinic.example", name: "Clinic" });
    expect(options.user.name).toBe(sam.email);
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });

    const result = await register(sam, device, "  Work laptop  ");
    expect(result.ok).toBe(true);
    const [stored, ...more] = await listPasskeys(t.db, sam.id);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({
      id: device.id,
      accountId: sam.id,
      counter: 0,
      transports: ["internal"],
      name: "Work laptop",
      createdAt: at(1).toISOString(),
      lastUsedAt: null,
    });
    // A second registration is told not to make another for the same authenticator.
    const again = await passkeyRegistrationOptions(t.db, sam, "Clinic", at(2));
    expect(again.options.excludeCredentials?.map((c) => c.id)).toEqual([device.id]);
  });

  it("refuses a registration answered twice, for another account, elsewhere or unverified", async () => {
    const device = new SoftAuthenticator(ORIGIN);
    const { challengeId, options } = await passkeyRegistrationOptions(t.db, kim, "Clinic", at(0));
    const response = device.register(options);
    // Kim's ceremony cannot add a passkey to Sam.
    expect(
      (await finishPasskeyRegistration(t.db, sam.id, { challengeId, response, name: "x" }, at(1)))
        .ok,
    ).toBe(false);
    // That attempt spent the challenge: Kim's own answer no longer counts either.
    expect(
      (await finishPasskeyRegistration(t.db, kim.id, { challengeId, response, name: "x" }, at(1)))
        .ok,
    ).toBe(false);

    const phishing = new SoftAuthenticator("https://clinic.example.evil");
    const fromElsewhere = await passkeyRegistrationOptions(t.db, kim, "Clinic", at(0));
    expect(
      (
        await finishPasskeyRegistration(
          t.db,
          kim.id,
          { ...fromElsewhere, response: phishing.register(fromElsewhere.options), name: "x" },
          at(1),
        )
      ).ok,
    ).toBe(false);

    const unverified = await passkeyRegistrationOptions(t.db, kim, "Clinic", at(0));
    const presenceOnly = new SoftAuthenticator(ORIGIN).register(unverified.options, 0x01);
    expect(
      (
        await finishPasskeyRegistration(
          t.db,
          kim.id,
          { challengeId: unverified.challengeId, response: presenceOnly, name: "x" },
          at(1),
        )
      ).ok,
    ).toBe(false);

    const late = await passkeyRegistrationOptions(t.db, kim, "Clinic", at(0));
    expect(
      (
        await finishPasskeyRegistration(
          t.db,
          kim.id,
          { challengeId: late.challengeId, response: device.register(late.options), name: "x" },
          at(6), // the challenge lasts five minutes
        )
      ).ok,
    ).toBe(false);
    expect(await listPasskeys(t.db, kim.id)).toEqual([]);
  });

  it("signs in with the passkey alone, naming its account, each answer once", async () => {
    const device = new SoftAuthenticator(ORIGIN);
    const kimDevice = new SoftAuthenticator(ORIGIN);
    expect((await register(sam, device)).ok).toBe(true);
    expect((await register(kim, kimDevice)).ok).toBe(true);

    const { challengeId, options } = await signInOptions(at(10));
    expect(options.allowCredentials ?? []).toEqual([]); // the browser offers whichever it holds
    expect(options.userVerification).toBe("required");
    const response = device.authenticate(options);
    expect(await finishPasskeySignIn(t.db, { challengeId, response }, at(11))).toEqual({
      ok: true,
      value: { accountId: sam.id, passkeyId: device.id },
    });
    expect(await getPasskey(t.db, device.id)).toMatchObject({
      counter: 1,
      lastUsedAt: at(11).toISOString(),
    });
    // The same answer again (replayed) is refused.
    expect((await finishPasskeySignIn(t.db, { challengeId, response }, at(11))).ok).toBe(false);

    const next = await signInOptions(at(12));
    expect(
      await finishPasskeySignIn(
        t.db,
        { challengeId: next.challengeId, response: kimDevice.authenticate(next.options) },
        at(12),
      ),
    ).toMatchObject({ ok: true, value: { accountId: kim.id } });
  });

  it("refuses a sign-in by an unknown, cloned, unverified or forged passkey", async () => {
    const device = new SoftAuthenticator(ORIGIN);
    expect((await register(sam, device)).ok).toBe(true);
    const attempt = async (
      answer: (
        o: Parameters<SoftAuthenticator["authenticate"]>[0],
      ) => ReturnType<SoftAuthenticator["authenticate"]>,
    ) => {
      const { challengeId, options } = await signInOptions(at(20));
      return (await finishPasskeySignIn(t.db, { challengeId, response: answer(options) }, at(20)))
        .ok;
    };
    expect(await attempt((o) => device.authenticate(o, { counter: 5 }))).toBe(true);
    // A copy of the key whose counter lags the original's: a cloned authenticator.
    expect(await attempt((o) => device.authenticate(o, { counter: 3 }))).toBe(false);
    expect(await attempt((o) => device.authenticate(o, { flags: 0x01, counter: 9 }))).toBe(false);
    expect(await attempt((o) => new SoftAuthenticator(ORIGIN).authenticate(o))).toBe(false);
    // Another key claiming this passkey's id: the signature does not verify.
    const impostor = new SoftAuthenticator(ORIGIN);
    expect(
      await attempt((o) => ({ ...impostor.authenticate(o), id: device.id, rawId: device.id })),
    ).toBe(false);
    // A user handle naming another account than the passkey's own.
    expect(
      await attempt((o) => {
        const answer = device.authenticate(o, { counter: 10 });
        return { ...answer, response: { ...answer.response, userHandle: "YWNjdC1raW0" } };
      }),
    ).toBe(false);
    expect(await attempt((o) => device.authenticate(o, { counter: 11 }))).toBe(true);
  });

  it("caps the sign-in ceremonies anyone can start, not a signed-in person's registration", async () => {
    for (let i = 0; i < MAX_OPEN_SIGN_IN_CHALLENGES; i++) await signInOptions(at(40));
    expect(await passkeySignInOptions(t.db, at(41))).toBe("busy");
    const device = new SoftAuthenticator(ORIGIN);
    const { challengeId, options } = await passkeyRegistrationOptions(t.db, kim, "Clinic", at(41));
    const added = await finishPasskeyRegistration(
      t.db,
      kim.id,
      { challengeId, response: device.register(options), name: "Phone" },
      at(41),
    );
    expect(added.ok).toBe(true);
    // Once the flood's challenges expire (5 minutes), sign-in starts again.
    const later = await signInOptions(at(46));
    const response = device.authenticate(later.options);
    const signedIn = await finishPasskeySignIn(
      t.db,
      { challengeId: later.challengeId, response },
      at(46),
    );
    expect(signedIn).toMatchObject({ ok: true, value: { accountId: kim.id } });
  });

  it("removes a passkey only for its own account", async () => {
    const device = new SoftAuthenticator(ORIGIN);
    expect((await register(kim, device)).ok).toBe(true);
    expect(await removePasskey(t.db, sam.id, device.id)).toBe(false);
    expect(await getPasskey(t.db, device.id)).toBeDefined();
    expect(await removePasskey(t.db, kim.id, device.id)).toBe(true);
    expect(await getPasskey(t.db, device.id)).toBeUndefined();
  });
});
