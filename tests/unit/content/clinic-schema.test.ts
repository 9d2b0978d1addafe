import { describe, expect, it } from "vitest";
import { clinicSchema } from "@/lib/validations/clinic-schema";
import {
  asSentence,
  bookingLink,
  DEFAULT_BOOKING_LABEL,
  practitionerName,
} from "@/lib/validations/clinic-schema";
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

describe("the booking page for existing patients", () => {
  it("is optional: the shipped clinic has none, and then there is no link", () => {
    expect(valid.bookingUrl).toBeUndefined();
    expect(bookingLink(valid)).toBeNull();
  });

  it("accepts an https:// address, with its label or the default one", () => {
    const url = "https://willowlane.janeapp.com/locations/main/book";
    const withLabel = clinicSchema.parse({
      ...valid,
      bookingUrl: url,
      bookingLabel: "Book a visit",
    });
    expect(bookingLink(withLabel)).toEqual({ href: url, label: "Book a visit" });
    const withoutLabel = clinicSchema.parse({ ...valid, bookingUrl: ` ${url} ` });
    expect(bookingLink(withoutLabel)).toEqual({ href: url, label: DEFAULT_BOOKING_LABEL });
    expect(DEFAULT_BOOKING_LABEL).toBe("Book online");
  });

  it.each([
    "http://willowlane.janeapp.com",
    "javascript:alert(1)",
    "//willowlane.janeapp.com",
    "https:/willowlane.janeapp.com",
    "https://localhost/book",
    "https://user:secret@willowlane.janeapp.com",
    "willowlane.janeapp.com",
    "https://willowlane.janeapp.com/book now",
  ])("refuses %j with a message naming the field", (bookingUrl) => {
    const result = clinicSchema.safeParse({ ...valid, bookingUrl });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["bookingUrl"]);
    expect(result.error?.issues[0]?.message).toMatch(/https:\/\/ address/);
  });

  it("refuses a label without an address, and a label on two lines", () => {
    const alone = clinicSchema.safeParse({ ...valid, bookingLabel: "Book online" });
    expect(alone.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["bookingUrl", expect.stringMatching(/booking page address/)],
    ]);
    const twoLines = clinicSchema.safeParse({
      ...valid,
      bookingUrl: "https://book.example.com",
      bookingLabel: "Book\nonline",
    });
    expect(twoLines.error?.issues[0]?.path).toEqual(["bookingLabel"]);
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
