/*
 * Wall-clock times in a named time zone (the clinic's, clinic.timezone) and
 * the instants they mean, with the built-in Intl data only: no library, and
 * the same answers on the server and in the browser. Daylight saving is
 * handled where it bites: a wall time the clocks skip (01:30 when they go
 * forward at 01:00) does not exist, and one they pass twice (01:30 when they
 * go back) means the first of the two.
 */

/** Milliseconds the zone is ahead of UTC at `instant`. */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - (instant - (instant % 1000));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a day that exists, written YYYY-MM-DD. */
export function isRealDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The date (YYYY-MM-DD) and time (HH:MM) a clock in `timeZone` shows at `instant`. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const wall = new Date(instant.getTime() + zoneOffset(instant.getTime(), timeZone));
  return {
    date: `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
}

const HOUR_MS = 60 * 60_000;

/**
 * The instant a clock in `timeZone` shows `date` (YYYY-MM-DD) at `time`
 * (HH:MM); undefined when the clocks skip that time. The zone's offsets a day
 * before and after cover any change on the day; each is tried, and of those
 * that give the wall time back, the earliest is taken.
 */
export function instantOf(date: string, time: string, timeZone: string): Date | undefined {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const offsets = new Set([
    zoneOffset(wall - 24 * HOUR_MS, timeZone),
    zoneOffset(wall, timeZone),
    zoneOffset(wall + 24 * HOUR_MS, timeZone),
  ]);
  const fits = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => zoneOffset(instant, timeZone) === wall - instant)
    .sort((a, b) => a - b);
  return fits[0] === undefined ? undefined : new Date(fits[0]);
}

/** "Tue 8 Dec, 09:00" in `timeZone` (with the year when it is not the year of `now`). */
export function formatWallTime(instant: Date, timeZone: string, now = new Date()): string {
  const sameYear =
    wallClock(instant, timeZone).date.slice(0, 4) === wallClock(now, timeZone).date.slice(0, 4);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
  }).formatToParts(instant);
  // Joined by hand: en-GB puts a comma after the weekday when the year is shown.
  const day = parts
    .filter((part) => part.type !== "literal")
    .map((part) => part.value)
    .join(" ");
  return `${day}, ${wallClock(instant, timeZone).time}`;
}
