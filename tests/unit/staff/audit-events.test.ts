import { describe, expect, it } from "vitest";
import {
  AUDIT_DETAIL_KEYS,
  AUDIT_EVENTS,
  auditEventLabel,
  describeAuditDetail,
} from "@/lib/staff/audit-events";
import { STORED_FIELDS } from "@/lib/validations/consultation-fields";

describe("the audit event catalogue", () => {
  it("names every event issue 16 asks the log to record", () => {
    expect(Object.values(AUDIT_EVENTS)).toEqual(
      expect.arrayContaining([
        "Signed in",
        "Failed sign-in",
        "Account locked",
        "Signed out",
        "Session ended",
        "Two-step sign-in changed",
        "Request viewed",
        "CSV exported",
        "Status changed",
        "Note added",
        "Request deleted",
        "Page published",
        "Page restored",
        "Page deleted",
        "Draft discarded",
        "Clinic details changed",
        "Image uploaded",
        "Account invited",
        "Account changed",
        "Account disabled",
        "Account reset",
        "Role changed",
        "Permission refused",
      ]),
    );
    // One label per event: the filter's choices must be told apart.
    expect(new Set(Object.values(AUDIT_EVENTS)).size).toBe(Object.keys(AUDIT_EVENTS).length);
  });

  it("has no detail key that is an answer of the consultation form", () => {
    const columns = STORED_FIELDS.map((field) => field.column as string);
    expect(columns.length).toBeGreaterThan(5);
    expect(Object.keys(AUDIT_DETAIL_KEYS).filter((key) => columns.includes(key))).toEqual([]);
  });

  it("reads entries in words, keeping ids it does not know", () => {
    expect(auditEventLabel("csv-exported")).toBe("CSV exported");
    expect(auditEventLabel("from-a-newer-version")).toBe("from-a-newer-version");
    expect(describeAuditDetail({ filter: "new", rows: 12 })).toBe("Filter: new · Rows: 12");
    expect(describeAuditDetail(null)).toBe("");
  });
});
