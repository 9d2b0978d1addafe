import { generateTOTP } from "@epic-web/totp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getTotp } from "@/lib/db/staff-totp";
import { isTwoStepRequired, setTwoStepRequired } from "@/lib/db/staff-settings";
import { resetEnvCache } from "@/lib/env";
import { resetSecretCache } from "@/lib/secrets";
import {
  issueRecoveryCodes,
  RECOVERY_CODE_COUNT,
  remainingRecoveryCodes,
  redeemRecoveryCode,
} from "@/lib/staff/recovery-codes";
import {
  beginTotpSetup,
  confirmTotpSetup,
  decryptTotpKey,
  groupKey,
  hasTotp,
  pendingTotpSetup,
  TOTP,
  verifyTotpCode,
} from "@/lib/staff/totp";
import { stageAfterPassword } from "@/lib/staff/two-step-gate";
import { addPasskey } from "@/lib/db/staff-passkeys";
import { DATABASES, type TestDb } from "../db/test-databases";

const START = Date.UTC(2026, 11, 2, 14, 0, 0);
const saved = { ...process.env };

/** The code an authenticator app shows for `key` at `ms` (the package reads the clock). */
async function codeAt(key: string, ms: number): Promise<string> {
  const now = Date.now();
  vi.setSystemTime(ms);
  const { otp } = await generateTOTP({ ...TOTP, secret: key });
  vi.setSystemTime(now);
  return otp;
}

beforeAll(() => {
  process.env.APP_SECRET = "unit-test-app-secret-0123456789abcdef";
  resetEnvCache();
  resetSecretCache();
});
afterAll(() => {
  process.env = { ...saved };
  resetEnvCache();
  resetSecretCache();
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(DATABASES)("two-step sign-in on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.dispose());

  async function setUp(accountId: string): Promise<string> {
    vi.useFakeTimers({ toFake: ["Date"], now: START });
    await beginTotpSetup(t.db, accountId, new Date());
    const setup = await pendingTotpSetup(
      t.db,
      { id: accountId, email: "sam@example.com" },
      "Clinic",
    );
    if (!setup) throw new Error("no pending set-up");
    expect(
      await confirmTotpSetup(t.db, accountId, await codeAt(setup.key, START), new Date()),
    ).toBe(true);
    return setup.key;
  }

  it("keeps the key only encrypted, bound to its account", async () => {
    const key = await setUp("acct-encrypted");
    const row = await getTotp(t.db, "acct-encrypted");
    expect(row?.secret).toBeTruthy();
    expect(row?.secret).not.toContain(key);
    expect(row?.pending_secret).toBeNull();
    expect(decryptTotpKey(row?.secret ?? "", "acct-encrypted")).toBe(key);
    // Copied onto another account, or altered, it does not open.
    expect(decryptTotpKey(row?.secret ?? "", "acct-other")).toBeNull();
    // One bit of the sealed key flipped (not a base64 letter: the last one carries unused bits).
    const [version, iv, tag, data = ""] = (row?.secret ?? "").split(".");
    const bytes = Buffer.from(data, "base64url");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = [version, iv, tag, bytes.toString("base64url")].join(".");
    expect(decryptTotpKey(tampered, "acct-encrypted")).toBeNull();
    // Under another APP_SECRET it does not open either.
    process.env.APP_SECRET = "another-app-secret-0123456789abcdefgh";
    resetEnvCache();
    resetSecretCache();
    expect(decryptTotpKey(row?.secret ?? "", "acct-encrypted")).toBeNull();
    process.env.APP_SECRET = "unit-test-app-secret-0123456789abcdef";
    resetEnvCache();
    resetSecretCache();
  });

  it("shows the pending key as a server-drawn QR code and as grouped text", async () => {
    await beginTotpSetup(t.db, "acct-qr", new Date(START));
    const setup = await pendingTotpSetup(
      t.db,
      { id: "acct-qr", email: "kim@example.com" },
      "Back Clinic",
    );
    expect(setup?.key).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
    expect(setup?.uri).toBe(
      `otpauth://totp/Back%20Clinic:kim%40example.com?secret=${setup?.key}&issuer=Back+Clinic&algorithm=SHA1&digits=6&period=30`,
    );
    expect(setup?.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    expect(setup?.qrSvg).not.toMatch(/href|src=|<image/); // drawn here, nothing fetched
    expect(groupKey("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    expect(await hasTotp(t.db, "acct-qr")).toBe(false);
  });

  it("takes a code of the step before, now or after, and each one once", async () => {
    const key = await setUp("acct-window");
    const step = TOTP.period * 1000;
    vi.setSystemTime(START + 10 * step);
    const now = START + 10 * step;
    expect(await verifyTotpCode(t.db, "acct-window", await codeAt(key, now - 2 * step))).toBe(
      false,
    );
    expect(await verifyTotpCode(t.db, "acct-window", await codeAt(key, now + 2 * step))).toBe(
      false,
    );
    // One step behind (a slow clock on the phone) works...
    const behind = await codeAt(key, now - step);
    expect(await verifyTotpCode(t.db, "acct-window", behind)).toBe(true);
    // ...once.
    expect(await verifyTotpCode(t.db, "acct-window", behind)).toBe(false);
    // The current code works, with spaces as people type it, once.
    const current = await codeAt(key, now);
    expect(
      await verifyTotpCode(t.db, "acct-window", ` ${current.slice(0, 3)} ${current.slice(3)}`),
    ).toBe(true);
    expect(await verifyTotpCode(t.db, "acct-window", current)).toBe(false);
    // Once a later step is used, an earlier one still inside the window is refused too.
    const ahead = await codeAt(key, now + step);
    expect(await verifyTotpCode(t.db, "acct-window", ahead)).toBe(true);
    vi.setSystemTime(now + step);
    expect(await verifyTotpCode(t.db, "acct-window", current)).toBe(false);
    expect(await verifyTotpCode(t.db, "acct-window", "12345")).toBe(false);
    expect(await verifyTotpCode(t.db, "acct-nobody", current)).toBe(false);
  });

  it("does not take the code that confirmed the set-up again at sign-in", async () => {
    const key = await setUp("acct-confirm");
    expect(await verifyTotpCode(t.db, "acct-confirm", await codeAt(key, START))).toBe(false);
  });

  it("keeps the old key working while a replacement is pending, then only the new one", async () => {
    const oldKey = await setUp("acct-replace");
    const step = TOTP.period * 1000;
    vi.setSystemTime(START + 5 * step);
    await beginTotpSetup(t.db, "acct-replace", new Date());
    const next = await pendingTotpSetup(t.db, { id: "acct-replace", email: "a@b.c" }, "Clinic");
    expect(next?.key).not.toBe(oldKey);
    expect(await verifyTotpCode(t.db, "acct-replace", await codeAt(oldKey, START + 5 * step))).toBe(
      true,
    );
    // A code from the old key does not confirm the new one.
    vi.setSystemTime(START + 6 * step);
    expect(
      await confirmTotpSetup(
        t.db,
        "acct-replace",
        await codeAt(oldKey, START + 6 * step),
        new Date(),
      ),
    ).toBe(false);
    expect(
      await confirmTotpSetup(
        t.db,
        "acct-replace",
        await codeAt(next?.key ?? "", START + 6 * step),
        new Date(),
      ),
    ).toBe(true);
    vi.setSystemTime(START + 8 * step);
    expect(await verifyTotpCode(t.db, "acct-replace", await codeAt(oldKey, START + 8 * step))).toBe(
      false,
    );
    expect(
      await verifyTotpCode(t.db, "acct-replace", await codeAt(next?.key ?? "", START + 8 * step)),
    ).toBe(true);
  });

  it("makes ten recovery codes, stores only hashes, and takes each once", async () => {
    const now = new Date(START);
    const codes = await issueRecoveryCodes(t.db, "acct-recovery", now);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await t.db.selectFrom("staff_recovery_codes").selectAll().execute();
    const text = JSON.stringify(stored);
    for (const code of codes) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replace("-", ""));
    }
    expect(await remainingRecoveryCodes(t.db, "acct-recovery")).toBe(10);

    const [first = "", second = ""] = codes;
    expect(await redeemRecoveryCode(t.db, "acct-other", first, now)).toBe(false);
    // Typed in capitals without the dash, as read off paper.
    expect(
      await redeemRecoveryCode(t.db, "acct-recovery", first.replace("-", "").toUpperCase(), now),
    ).toBe(true);
    expect(await redeemRecoveryCode(t.db, "acct-recovery", first, now)).toBe(false);
    expect(await remainingRecoveryCodes(t.db, "acct-recovery")).toBe(9);
    expect(await redeemRecoveryCode(t.db, "acct-recovery", "not a code", now)).toBe(false);

    // A new set replaces the old: its unused codes stop working.
    const fresh = await issueRecoveryCodes(t.db, "acct-recovery", now);
    expect(await redeemRecoveryCode(t.db, "acct-recovery", second, now)).toBe(false);
    expect(await remainingRecoveryCodes(t.db, "acct-recovery")).toBe(10);
    expect(await redeemRecoveryCode(t.db, "acct-recovery", fresh[0] ?? "", now)).toBe(true);
  });

  it("asks after the password for the second step set up, or to set one up while required", async () => {
    const now = new Date(START);
    expect(await stageAfterPassword(t.db, { id: "acct-gate-none" })).toBe("enrol");
    await setUp("acct-gate-app");
    expect(await stageAfterPassword(t.db, { id: "acct-gate-app" })).toBe("two-step");
    await addPasskey(
      t.db,
      {
        id: "cred-gate",
        accountId: "acct-gate-key",
        publicKey: "pk",
        counter: 0,
        transports: [],
        name: "Key",
      },
      now,
    );
    expect(await stageAfterPassword(t.db, { id: "acct-gate-key" })).toBe("two-step");
    // A pending set-up that was never confirmed is not a second step.
    await beginTotpSetup(t.db, "acct-gate-pending", now);
    expect(await stageAfterPassword(t.db, { id: "acct-gate-pending" })).toBe("enrol");

    await setTwoStepRequired(t.db, false, now);
    expect(await stageAfterPassword(t.db, { id: "acct-gate-none" })).toBe("full");
    // Turning the requirement off never skips a second step someone has.
    expect(await stageAfterPassword(t.db, { id: "acct-gate-app" })).toBe("two-step");
    await setTwoStepRequired(t.db, true, now);
  });

  it("requires two-step sign-in until the owner turns it off", async () => {
    expect(await isTwoStepRequired(t.db)).toBe(true);
    await setTwoStepRequired(t.db, false, new Date(START));
    expect(await isTwoStepRequired(t.db)).toBe(false);
    await setTwoStepRequired(t.db, true, new Date(START));
    expect(await isTwoStepRequired(t.db)).toBe(true);
  });
});
