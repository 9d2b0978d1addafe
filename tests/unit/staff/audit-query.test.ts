import { describe, expect, it } from "vitest";
import { auditToCsv } from "@/lib/staff/audit-export";
import {
  auditHref,
  describeAuditFilter,
  parseAuditQuery,
  startOfDay,
} from "@/lib/staff/audit-query";

const CHICAGO = "America/Chicago";

describe("the audit page's filters", () => {
  it("reads days in the clinic's time zone, the To day whole, across a DST change", () => {
    expect(startOfDay("2026-11-30", CHICAGO).toISOString()).toBe("2026-11-30T06:00:00.000Z");
    expect(startOfDay("2026-07-01", CHICAGO).toISOString()).toBe("2026-07-01T05:00:00.000Z");
    // Summer time ends on 1 November 2026 in Chicago: that day starts at CDT, the next at CST.
    expect(startOfDay("2026-11-01", CHICAGO).toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(startOfDay("2026-11-01", CHICAGO, 1).toISOString()).toBe("2026-11-02T06:00:00.000Z");
    expect(startOfDay("2026-12-31", "UTC", 1).toISOString()).toBe("2027-01-01T00:00:00.000Z");

    const query = parseAuditQuery(
      { person: "acc-1", event: "csv-exported", from: "2026-11-01", to: "2026-11-30" },
      CHICAGO,
    );
    expect(query.errors).toEqual({});
    expect(query.filter).toEqual({
      accountId: "acc-1",
      event: "csv-exported",
      from: new Date("2026-11-01T05:00:00.000Z"),
      before: new Date("2026-12-01T06:00:00.000Z"),
    });
    expect(query.page).toBe(1);
  });

  it("names each bad filter with what to write, keeps what was typed and does not filter by it", () => {
    const query = parseAuditQuery(
      { event: "hacked", from: "30/11/2026", to: "2026-02-30", request: "bp-nope", page: "-3" },
      CHICAGO,
    );
    expect(query.errors).toEqual({
      event: "choose an event from the list, or All events",
      from: "write the date as year-month-day, for example 2026-11-30",
      to: "write the date as year-month-day, for example 2026-11-30",
      request: "write a request reference, for example BP-7KQ2MX",
    });
    expect(query.filter).toEqual({});
    expect(query.values).toMatchObject({ from: "30/11/2026", request: "BP-NOPE" });
    expect(query.page).toBe(1);

    const backwards = parseAuditQuery({ from: "2026-11-30", to: "2026-11-01" }, CHICAGO);
    expect(backwards.errors).toEqual({ to: "choose a day on or after the From day" });
    expect(backwards.filter.before).toBeUndefined();
  });

  it("filters by a request's reference and builds the same filters into links", () => {
    const query = parseAuditQuery({ request: " bp-7kq2mx ", page: "3" }, CHICAGO);
    expect(query.filter).toEqual({ object: { type: "request", id: "BP-7KQ2MX" } });
    expect(auditHref("/staff/audit.csv", query.values)).toBe("/staff/audit.csv?request=BP-7KQ2MX");
    expect(auditHref("/staff/audit", query.values, query.page + 1)).toBe(
      "/staff/audit?request=BP-7KQ2MX&page=4",
    );
    expect(describeAuditFilter(query.values)).toBe("request=BP-7KQ2MX");
    expect(describeAuditFilter(parseAuditQuery({}, CHICAGO).values)).toBe("all");
  });
});

describe("the audit log as CSV", () => {
  it("neutralises formula-like names and quotes what needs it", () => {
    const csv = auditToCsv(
      [
        {
          id: 1,
          at: "2026-11-30T15:04:05.000Z",
          accountId: "acc-1",
          accountName: '=HYPERLINK("http://evil","x")',
          event: "csv-exported",
          object: { type: "export", id: "requests" },
          detail: { filter: "status=new", rows: 3 },
          clientHash: "abc",
        },
        {
          id: 2,
          at: "2026-11-30T16:00:00.000Z",
          accountId: null,
          accountName: null,
          event: "sign-in-failed",
          object: null,
          detail: { attemptedEmail: "+1@example.com, @x" },
          clientHash: null,
        },
      ],
      CHICAGO,
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Time (America/Chicago),Time (UTC),Person,Account id,Event,About,Which,Details,Client (hashed)",
    );
    expect(lines[1]).toBe(
      `2026-11-30 09:04,2026-11-30T15:04:05.000Z,"'=HYPERLINK(""http://evil"",""x"")",acc-1,CSV exported,Export,requests,Filter: status=new · Rows: 3,abc`,
    );
    expect(lines[2]).toBe(
      `2026-11-30 10:00,2026-11-30T16:00:00.000Z,,,Failed sign-in,,,"Email tried: +1@example.com, @x",`,
    );
  });
});
