import { describe, expect, it } from "vitest";
import { generateReference, REFERENCE_PATTERN } from "@/lib/consultation/submit";

describe("reference generator", () => {
  it("makes short references without look-alike characters", () => {
    for (let i = 0; i < 500; i += 1) {
      const reference = generateReference();
      expect(reference).toMatch(/^BP-[A-Z2-9]{6}$/);
      expect(reference.slice(3)).not.toMatch(/[01ILOU]/);
      expect(REFERENCE_PATTERN.test(reference)).toBe(true);
    }
  });

  it("rarely repeats itself", () => {
    const seen = new Set(Array.from({ length: 5000 }, () => generateReference()));
    expect(seen.size).toBeGreaterThan(4990);
  });

  it("uses the random source it is given", () => {
    expect(generateReference(() => 0)).toBe("BP-222222");
    expect(generateReference((max) => max - 1)).toBe("BP-ZZZZZZ");
  });

  it("rejects anything else", () => {
    expect(REFERENCE_PATTERN.test("BP-7K3Q")).toBe(false);
    expect(REFERENCE_PATTERN.test("BP-0OIL1U")).toBe(false);
    expect(REFERENCE_PATTERN.test("bp-7k3q9m")).toBe(false);
  });
});
