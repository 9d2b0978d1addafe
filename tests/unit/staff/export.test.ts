import { describe, expect, it } from "vitest";
import type { StaffRequest } from "@/lib/db/staff-requests";
import { requestsToCsv, sortableDateTime } from "@/lib/staff/export";

// Partial: a question added to the catalogue later is simply unanswered here.
const request = {
  id: 1,
  reference: "ABC-123",
  created_at: "2025-07-04T15:05:00.000Z",
  full_name: "=cmd|' /C calc'!A0",
  email: "a@example.com",
  phone: "+1 555 0100",
  preferred_contact: "phone",
  pain_area: "neck",
  pain_duration: "over-3-months",
  preferred_times: JSON.stringify(["weekday-morning", "unknown-slot"]),
  message: 'Line one, "quoted"\nline two',
  first_visit: 0,
  red_flags: JSON.stringify(["chest-pain"]),
  urgent: 1,
  red_flag_level: "emergency",
  status: "new",
  notify_state: "sent",
  notified_at: "2025-07-04T15:06:00.000Z",
  ack_state: "failed",
} satisfies Partial<StaffRequest> as StaffRequest;

describe("sortableDateTime", () => {
  it("writes the clinic's local time as YYYY-MM-DD HH:mm", () => {
    expect(sortableDateTime("2025-07-04T15:05:00.000Z", "America/Chicago")).toBe(
      "2025-07-04 10:05",
    );
    expect(sortableDateTime("2025-01-01T00:30:00.000Z", "America/Chicago")).toBe(
      "2024-12-31 18:30",
    );
  });
});

describe("requestsToCsv", () => {
  it("writes a header and one row per request with labels, quoting and neutralised cells", () => {
    const [header, row, end] = requestsToCsv([request], "America/Chicago").split("\r\n");
    expect(header).toMatch(
      /^Reference,Received \(America\/Chicago\),Status,Urgent,Urgency level,Name,/,
    );
    expect(row).toContain(
      `ABC-123,2025-07-04 10:05,new,yes,emergency now,'=cmd|' /C calc'!A0,a@example.com,'+1 555 0100,Phone,Neck`,
    );
    expect(row).toContain("Weekday mornings; unknown-slot");
    expect(row).toContain("Chest pain or sudden breathlessness");
    expect(row).toContain('"Line one, ""quoted""\nline two"');
    // The last two columns: whether the clinic was told, and whether the visitor was.
    expect(header).toMatch(/,Clinic email,Acknowledgement$/);
    expect(row).toMatch(/,sent,failed$/);
    expect(end).toBe("");
  });

  it("names the level of each urgent request, and leaves it blank for the rest", () => {
    const rows = requestsToCsv(
      [
        { ...request, red_flag_level: "urgent", red_flags: JSON.stringify(["fever"]) },
        { ...request, urgent: 0, red_flag_level: null, red_flags: "[]" },
      ],
      "UTC",
    ).split("\r\n");
    expect(rows[1]).toContain(",new,yes,doctor today,");
    expect(rows[1]).toContain("A fever, or feeling hot and shivery");
    expect(rows[2]).toContain(",new,no,,");
  });

  it("writes just the header when there are no requests", () => {
    expect(requestsToCsv([], "UTC").split("\r\n")).toHaveLength(2);
  });
});
