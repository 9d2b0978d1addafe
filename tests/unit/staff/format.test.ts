import { describe, expect, it } from "vitest";
import {
  formatDateTime,
  labelOf,
  emptyInboxText,
  notifyText,
  parseJsonList,
  statusLabel,
} from "@/lib/staff/format";
import { PAIN_AREAS } from "@/lib/validations/consultation-fields";

describe("formatDateTime", () => {
  it("shows the time in the clinic's time zone, naming the zone", () => {
    expect(formatDateTime("2025-07-04T15:05:00.000Z", "America/Chicago")).toBe(
      "Jul 4, 2025, 10:05 AM CDT",
    );
    expect(formatDateTime("2025-01-01T00:30:00.000Z", "America/Chicago")).toBe(
      "Dec 31, 2024, 6:30 PM CST",
    );
  });

  it("shows an unreadable timestamp as it is", () => {
    expect(formatDateTime("not a date", "UTC")).toBe("not a date");
  });
});

describe("parseJsonList", () => {
  it("reads a JSON array of strings and shows anything else raw", () => {
    expect(parseJsonList('["a","b"]')).toEqual(["a", "b"]);
    expect(parseJsonList("[]")).toEqual([]);
    expect(parseJsonList("{oops")).toEqual(["{oops"]);
    expect(parseJsonList("[1,2]")).toEqual(["[1,2]"]);
  });
});

describe("labels", () => {
  it("uses the form's labels and falls back to the raw value", () => {
    expect(labelOf(PAIN_AREAS, "leg-sciatica")).toBe("Leg or sciatica");
    expect(labelOf(PAIN_AREAS, "elbow")).toBe("elbow");
    expect(statusLabel("contacted")).toBe("Contacted");
  });

  it("says an empty inbox or an empty status filter in plain words", () => {
    expect(emptyInboxText()).toBe("No requests yet.");
    expect(emptyInboxText("spam")).toBe("No spam requests.");
  });

  it("says whether the clinic email went out", () => {
    expect(notifyText("sent", "2025-07-04T15:05:00.000Z", "America/Chicago")).toBe(
      "Sent Jul 4, 2025, 10:05 AM CDT",
    );
    expect(notifyText("failed", null, "UTC")).toMatch(/^Failed/);
    expect(notifyText("off", null, "UTC")).toMatch(/not configured/);
    expect(notifyText("pending", null, "UTC")).toMatch(/Not sent yet/);
  });
});
