import { describe, expect, it } from "vitest";
import {
  parseSchedule,
  scheduleDefaults,
  scheduleFromQuery,
  scheduleQuery,
  scheduleTimeText,
} from "@/lib/staff/schedule-form";
import { formatWallTime, instantOf, wallClock } from "@/lib/time-zone";

const LONDON = "Europe/London";
const CHICAGO = "America/Chicago";
const now = new Date("2026-12-03T06:00:00Z");

describe("the clinic's wall clock and the instants it means", () => {
  it("converts both ways, in winter and in summer time", () => {
    expect(instantOf("2026-12-08", "09:00", LONDON)?.toISOString()).toBe(
      "2026-12-08T09:00:00.000Z",
    );
    expect(instantOf("2026-07-08", "09:00", LONDON)?.toISOString()).toBe(
      "2026-07-08T08:00:00.000Z",
    );
    expect(instantOf("2026-12-08", "09:00", CHICAGO)?.toISOString()).toBe(
      "2026-12-08T15:00:00.000Z",
    );
    expect(instantOf("2026-12-08", "23:30", "Asia/Kolkata")?.toISOString()).toBe(
      "2026-12-08T18:00:00.000Z",
    );
    expect(wallClock(new Date("2026-07-08T08:00:00Z"), LONDON)).toEqual({
      date: "2026-07-08",
      time: "09:00",
    });
    expect(wallClock(new Date("2026-12-08T05:30:00Z"), CHICAGO)).toEqual({
      date: "2026-12-07",
      time: "23:30",
    });
  });

  it("finds no instant for a time the clocks skip, and the first of a time they pass twice", () => {
    // London: 29 March 2026 01:00 → 02:00; 25 October 2026 02:00 → 01:00.
    expect(instantOf("2026-03-29", "01:30", LONDON)).toBeUndefined();
    expect(instantOf("2026-03-29", "02:00", LONDON)?.toISOString()).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    expect(instantOf("2026-03-29", "00:59", LONDON)?.toISOString()).toBe(
      "2026-03-29T00:59:00.000Z",
    );
    expect(instantOf("2026-10-25", "01:30", LONDON)?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(instantOf("2026-10-25", "02:30", LONDON)?.toISOString()).toBe(
      "2026-10-25T02:30:00.000Z",
    );
    // Chicago: 8 March 2026 02:00 → 03:00.
    expect(instantOf("2026-03-08", "02:15", CHICAGO)).toBeUndefined();
    expect(instantOf("2026-03-08", "03:15", CHICAGO)?.toISOString()).toBe(
      "2026-03-08T08:15:00.000Z",
    );
  });

  it("writes a time as staff read it", () => {
    expect(formatWallTime(new Date("2026-12-08T09:00:00Z"), LONDON, now)).toBe("Tue 8 Dec, 09:00");
    expect(formatWallTime(new Date("2027-01-05T15:00:00Z"), CHICAGO, now)).toBe(
      "Tue 5 Jan 2027, 09:00",
    );
    expect(scheduleTimeText("2026-12-08T09:00:00.000Z", LONDON, now)).toBe(
      "Tue 8 Dec, 09:00 (Europe/London)",
    );
  });
});

describe("the Schedule control", () => {
  it("defaults to tomorrow at 09:00 in the clinic's zone", () => {
    expect(scheduleDefaults(now, LONDON)).toEqual({ date: "2026-12-04", time: "09:00" });
    // 23:30 on the 2nd in Chicago is already the 3rd in UTC: tomorrow there is the 3rd.
    expect(scheduleDefaults(new Date("2026-12-03T05:30:00Z"), CHICAGO)).toEqual({
      date: "2026-12-03",
      time: "09:00",
    });
  });

  it("reads a date and time in the clinic's zone", () => {
    expect(parseSchedule({ date: "2026-12-08", time: "09:00" }, LONDON, now)).toEqual({
      ok: true,
      dueAt: new Date("2026-12-08T09:00:00Z"),
    });
    expect(parseSchedule({ date: "2026-12-08", time: "9:05" }, CHICAGO, now)).toEqual({
      ok: true,
      dueAt: new Date("2026-12-08T15:05:00Z"),
    });
  });

  it("refuses what cannot be scheduled, naming the field and what to write", () => {
    const refused = (date: string, time: string, zone = LONDON) => {
      const answer = parseSchedule({ date, time }, zone, now);
      if (answer.ok) throw new Error(`accepted ${date} ${time}`);
      return answer;
    };
    expect(refused("8/12/2026", "09:00")).toMatchObject({
      field: "date",
      message: expect.stringContaining("year-month-day, for example 2026-12-04"),
    });
    expect(refused("2026-02-30", "09:00").field).toBe("date");
    expect(refused("2026-12-08", "9am")).toMatchObject({
      field: "time",
      message: expect.stringContaining("24-hour clock"),
    });
    expect(refused("2026-12-08", "24:00").field).toBe("time");
    expect(refused("2026-12-03", "05:59")).toMatchObject({
      field: "time",
      message:
        "Time: Thu 3 Dec, 05:59 (Europe/London) has already passed; it is now Thu 3 Dec, 06:00. Choose a later time, or press Publish to publish now.",
    });
    expect(refused("2026-12-03", "06:00").field).toBe("time");
    expect(refused("2027-03-28", "01:30").message).toContain("the clocks go forward");
    expect(refused("2028-01-01", "09:00")).toMatchObject({
      field: "date",
      message: expect.stringContaining("within a year"),
    });
    // Just after now is fine.
    expect(parseSchedule({ date: "2026-12-03", time: "06:01" }, LONDON, now).ok).toBe(true);
  });
});

describe("a schedule carried in the editor's address (sent to the merge view)", () => {
  it("comes back as typed, cut to size, and only when both are there", () => {
    const query = Object.fromEntries(
      new URLSearchParams(scheduleQuery({ date: "2026-12-08", time: "09:30" })),
    );
    expect(scheduleFromQuery(query)).toEqual({ date: "2026-12-08", time: "09:30" });
    expect(scheduleFromQuery({ scheduleDate: ` ${"9".repeat(100)} `, scheduleTime: "x" })).toEqual({
      date: "9".repeat(40),
      time: "x",
    });
    expect(scheduleFromQuery({ scheduleDate: "2026-12-08" })).toBeUndefined();
    expect(scheduleFromQuery({ scheduleDate: ["a", "b"], scheduleTime: "09:00" })).toBeUndefined();
  });
});
