import { describe, expect, it } from "vitest";
import {
  hashPassword,
  passwordProblem,
  PASSWORD_MIN,
  spendVerifyTime,
  verifyPassword,
} from "@/lib/staff/passwords";

const person = { email: "Robin.Reception@example.com", name: "Robin Reception" };

describe("staff password hashing", () => {
  it("hashes with argon2id and a salt of its own each time, and verifies only the right password", async () => {
    const password = "violet kettle harbour seven";
    const first = await hashPassword(password);
    const second = await hashPassword(password);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toContain(password);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, password)).toBe(true);
    expect(await verifyPassword(second, password)).toBe(true);
    expect(await verifyPassword(first, "violet kettle harbour seveN")).toBe(false);
    expect(await verifyPassword(first, "")).toBe(false);
  });

  it("treats a stored value that is not a hash as a wrong password instead of throwing", async () => {
    expect(await verifyPassword("", "anything at all here")).toBe(false);
    expect(await verifyPassword("plain text password", "plain text password")).toBe(false);
  });

  it("spends about a real check's time for an address without an account", async () => {
    const real = await hashPassword("violet kettle harbour seven");
    await spendVerifyTime("warm up the dummy hash");
    const t0 = performance.now();
    await verifyPassword(real, "wrong guess for timing");
    const realMs = performance.now() - t0;
    const t1 = performance.now();
    await spendVerifyTime("wrong guess for timing");
    const dummyMs = performance.now() - t1;
    expect(dummyMs).toBeGreaterThan(realMs / 4);
    expect(dummyMs).toBeLessThan(realMs * 4 + 20);
  });
});

describe("staff password policy", () => {
  it(`asks for at least ${PASSWORD_MIN} characters, naming the field`, () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(passwordProblem("short pass", person)).toMatch(
      /^Password: write at least 12 characters/,
    );
    expect(passwordProblem("x".repeat(11), person)).not.toBeNull();
    expect(passwordProblem("violet kettle", person)).toBeNull();
  });

  it("refuses common passwords from the bundled list, whatever their case, and with digits added", () => {
    for (const common of [
      "qwerty123456",
      "1q2w3e4r5t6y",
      "QWERTY123456",
      "password1234",
      "sunshine2024!",
      "iloveyou1234",
    ]) {
      expect(passwordProblem(common, person), common).toMatch(/list of common passwords/);
    }
    expect(passwordProblem("sunshine harbour violet", person)).toBeNull();
  });

  it("refuses the person's own email address or name", () => {
    expect(passwordProblem("robin.reception@example.com", person)).toMatch(
      /email address or your name/,
    );
    expect(passwordProblem("Robin.Reception", person)).toMatch(/email address or your name/);
    expect(passwordProblem(" robin reception ", person)).toMatch(/email address or your name/);
    expect(passwordProblem("robin reception at work", person)).toBeNull();
  });
});
