import { describe, expect, it } from "vitest";
import { passwordMatches } from "@/lib/staff/password";

describe("passwordMatches", () => {
  it("accepts the exact password", () => {
    expect(passwordMatches("correct horse battery", "correct horse battery")).toBe(true);
  });

  it.each([
    ["a different password", "correct horse battery"],
    ["correct horse batter", "correct horse battery"],
    ["correct horse battery ", "correct horse battery"],
    ["Correct horse battery", "correct horse battery"],
    ["", "correct horse battery"],
  ])("rejects %j", (given, expected) => {
    expect(passwordMatches(given, expected)).toBe(false);
  });

  it("handles passwords of any length, including non-ASCII", () => {
    expect(passwordMatches("pässwörd-ünïcode-✓", "pässwörd-ünïcode-✓")).toBe(true);
    expect(passwordMatches("x".repeat(10_000), "x".repeat(10_000))).toBe(true);
  });
});
