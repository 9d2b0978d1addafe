import { formatWallTime, instantOf, isRealDay, wallClock } from "@/lib/time-zone";

/*
 * The editor's "Publish later" control, in the clinic's time zone: its
 * default (tomorrow at 09:00 there), reading what was typed, and the words
 * staff read about a schedule. The date and time are the clinic's wall clock;
 * only the instant they mean (UTC) is stored.
 */
export const SCHEDULE_DEFAULT_TIME = "09:00";
/** Further ahead than this is almost surely a mistyped year. */
export const SCHEDULE_MAX_DAYS = 366;

export interface ScheduleValues {
  date: string;
  time: string;
}

export type ScheduleField = keyof ScheduleValues;

/** What the control shows before anything is typed: tomorrow at 09:00, clinic time. */
export function scheduleDefaults(now: Date, timeZone: string): ScheduleValues {
  const tomorrow = new Date(now.getTime() + 24 * 60 * 60_000);
  return { date: wallClock(tomorrow, timeZone).date, time: SCHEDULE_DEFAULT_TIME };
}

/** The two fields as posted, cut to size (a date or time is short). */
export function readScheduleForm(formData: FormData): ScheduleValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.trim().slice(0, 40) : "";
  };
  return { date: text("scheduleDate"), time: text("scheduleTime") };
}

/**
 * The date and time a schedule sent to the merge view carries in the
 * editor's address (`scheduleDate`, `scheduleTime`), so the control shows
 * them again rather than the defaults; cut to size like the form's.
 */
export function scheduleFromQuery(
  query: Record<string, string | string[] | undefined>,
): ScheduleValues | undefined {
  const { scheduleDate: date, scheduleTime: time } = query;
  return typeof date === "string" && typeof time === "string"
    ? { date: date.trim().slice(0, 40), time: time.trim().slice(0, 40) }
    : undefined;
}

/** The same two values as address parameters, to add to a link. */
export function scheduleQuery(values: ScheduleValues): string {
  return new URLSearchParams({ scheduleDate: values.date, scheduleTime: values.time }).toString();
}

// 24-hour clock; "9:00" is taken as 09:00.
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

export type ScheduleAnswer =
  { ok: true; dueAt: Date } | { ok: false; field: ScheduleField; message: string };

/** The instant the typed date and time mean in `timeZone`, or what to write instead. */
export function parseSchedule(values: ScheduleValues, timeZone: string, now: Date): ScheduleAnswer {
  if (!isRealDay(values.date)) {
    return {
      ok: false,
      field: "date",
      message: `Date: write the day as year-month-day, for example ${scheduleDefaults(now, timeZone).date}.`,
    };
  }
  const time = TIME.exec(values.time);
  if (!time) {
    return {
      ok: false,
      field: "time",
      message:
        "Time: write the time on a 24-hour clock as hours:minutes, for example 09:00 or 14:30.",
    };
  }
  const hhmm = `${time[1]?.padStart(2, "0")}:${time[2]}`;
  const dueAt = instantOf(values.date, hhmm, timeZone);
  if (!dueAt) {
    return {
      ok: false,
      field: "time",
      message: `Time: ${hhmm} on ${values.date} does not happen in ${timeZone}: the clocks go forward then. Choose a time an hour later.`,
    };
  }
  if (dueAt.getTime() <= now.getTime()) {
    return {
      ok: false,
      field: "time",
      message: `Time: ${formatWallTime(dueAt, timeZone, now)} (${timeZone}) has already passed; it is now ${formatWallTime(now, timeZone, now)}. Choose a later time, or press Publish to publish now.`,
    };
  }
  if (dueAt.getTime() - now.getTime() > SCHEDULE_MAX_DAYS * 24 * 60 * 60_000) {
    return {
      ok: false,
      field: "date",
      message: `Date: choose a day within a year from today (the latest is ${wallClock(new Date(now.getTime() + SCHEDULE_MAX_DAYS * 24 * 60 * 60_000), timeZone).date}).`,
    };
  }
  return { ok: true, dueAt };
}

/** "Tue 8 Dec, 09:00 (Europe/London)". */
export function scheduleTimeText(dueAt: string | Date, timeZone: string, now = new Date()): string {
  return `${formatWallTime(new Date(dueAt), timeZone, now)} (${timeZone})`;
}
