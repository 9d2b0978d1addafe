import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { notCounted, pageKey, referrerHost, type ViewSource } from "./rules";

/*
 * Page views added up in memory and written to the database once a minute
 * (lib/insights/flush.ts), so counting a view costs the request no database
 * write. proxy.ts records here; the flush runs in the app's own bundle, so
 * the tally lives on globalThis, which both share in one server process.
 *
 * A repeat view of the same page by the same visitor on the same day counts
 * once. The visitor is recognised by a hash of a salt, their address and
 * browser name and the page (Plausible's method): the salt is random, kept
 * only in memory and replaced every UTC day, so yesterday's hashes cannot be
 * recomputed and nothing that identifies anyone is ever stored.
 */
export interface Tally {
  /** "day page" → views */
  views: Map<string, number>;
  /** "day host" → visits arriving from that site */
  referrers: Map<string, number>;
}

interface State extends Tally {
  day: string;
  salt: Buffer;
  seen: Set<string>;
}

// A flood of distinct visitors stops de-duplication rather than memory use growing without bound.
const MAX_SEEN = 50_000;
const KEY = Symbol.for("clinic-site.insights-tally");

function state(now: Date): State {
  const holder = globalThis as { [KEY]?: State };
  const day = now.toISOString().slice(0, 10);
  const current = holder[KEY];
  if (current && current.day === day) return current;
  const fresh: State = {
    day,
    salt: randomBytes(32),
    seen: new Set(),
    views: current?.views ?? new Map(),
    referrers: current?.referrers ?? new Map(),
  };
  holder[KEY] = fresh;
  return fresh;
}

/** Adds one view of the page at `address` if the rules count it; says whether it did. */
export function recordView(
  address: URL,
  headers: Headers,
  now = new Date(),
  source: ViewSource = "document",
): boolean {
  const page = pageKey(address.pathname);
  if (!page || notCounted(headers, source)) return false;
  const s = state(now);
  const visitor = visitorHash(s.salt, headers, page);
  if (s.seen.has(visitor)) return false;
  if (s.seen.size < MAX_SEEN) s.seen.add(visitor);
  add(s.views, `${s.day} ${page}`);
  const from = referrerHost(headers.get("referer"), headers.get("host"));
  if (from) add(s.referrers, `${s.day} ${from}`);
  return true;
}

function visitorHash(salt: Buffer, headers: Headers, page: string): string {
  // The client's own words (forwarded, agent) can only split or merge its own views.
  return createHash("sha256")
    .update(salt)
    .update(headers.get("x-clinic-peer")?.split(" ")[0] ?? "")
    .update("\0")
    .update(headers.get("x-forwarded-for") ?? "")
    .update("\0")
    .update(headers.get("user-agent") ?? "")
    .update("\0")
    .update(page)
    .digest("base64url")
    .slice(0, 22);
}

function add(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Takes the counts so far, leaving an empty tally (the de-duplication of the day stays). */
export function drainTally(now = new Date()): Tally {
  const s = state(now);
  const taken = { views: s.views, referrers: s.referrers };
  s.views = new Map();
  s.referrers = new Map();
  return taken;
}

/** Puts counts that could not be stored back, so a database outage loses none of them. */
export function restoreTally(taken: Tally, now = new Date()): void {
  const s = state(now);
  for (const [key, n] of taken.views) s.views.set(key, (s.views.get(key) ?? 0) + n);
  for (const [key, n] of taken.referrers) s.referrers.set(key, (s.referrers.get(key) ?? 0) + n);
}

/** The salt of the day, for the test that it changes with the day and is never reused. */
export function saltOfDay(now: Date): string {
  return state(now).salt.toString("hex");
}
