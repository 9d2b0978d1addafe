import { describe, expect, it } from "vitest";
import { clinicSchema } from "@/lib/validations/clinic-schema";
import { asSentence, practitionerName } from "@/lib/validations/clinic-schema";
import { getClinic } from "@/lib/content/site/site";

const valid = await getClinic();

describe("clinic facts schema", () => {
  it("accepts the shipped example clinic", () => {
    expect(clinicSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["phone", { phone: "ring us" }, /phone number/],
    ["emergencyNumber", { emergencyNumber: "nine one one" }, /emergency number/],
    ["timezone", { timezone: "Moon/Base" }, /IANA time zone/],
    ["email", { email: "not-an-email" }, /email address/],
    ["name", { name: "Two\nlines" }, /one line/],
    ["electroacupuncture", { electroacupuncture: "sometimes" }, /true or false/],
  ])("refuses a bad %s with a message about it", (field, patch, message) => {
    const result = clinicSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toMatch(message);
  });

  it("refuses opening hours that close before they open, and unknown days", () => {
    const result = clinicSchema.safeParse({
      ...valid,
      openingHours: [{ days: ["Funday"], opens: "18:00", closes: "09:00" }],
    });
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["openingHours.0.days.0"]));
  });

  it("refuses unknown fields so typos are caught", () => {
    const result = clinicSchema.safeParse({ ...valid, phon: "123" });
    expect(result.success).toBe(false);
  });
});

describe("clinic facts in sentences", () => {
  it("names the practitioner with their credentials", () => {
    const practitioner = { name: "Sam Lee", credentials: "L.Ac.", licence: "Licence 1" };
    expect(practitionerName({ practitioner })).toBe("Sam Lee, L.Ac.");
  });

  it.each([
    ["Sam Lee, L.Ac.", "Sam Lee, L.Ac."],
    ["Sam Lee, MSc", "Sam Lee, MSc."],
    ["NCCAOM Diplomate ", "NCCAOM Diplomate."],
    ["Really?", "Really?"],
  ])("ends %j with exactly one full stop", (text, sentence) => {
    expect(asSentence(text)).toBe(sentence);
  });
});
