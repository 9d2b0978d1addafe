"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { secondaryButtonClass } from "@/components/ui/form-styles";

/*
 * Idle sign-out (STAFF_IDLE_MINUTES) is decided by the server; this only
 * says it is coming, counted from when the page was loaded (or the session
 * last kept alive here), and lets the person stay. Page drafts are kept
 * either way, under the account, so nothing typed is lost.
 */
export function IdleNotice({ idleMinutes }: { idleMinutes: number }) {
  const idleMs = idleMinutes * 60_000;
  // Warn two minutes before, or halfway for a very short limit.
  const warnMs = Math.min(2 * 60_000, idleMs / 2);
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = idleMs - (now - since);
  if (left > warnMs) return null;

  async function stay() {
    const response = await fetch("/staff/keep-alive", { method: "POST" }).catch(() => null);
    if (response?.status === 204) {
      setFailed(false);
      setSince(Date.now());
      setNow(Date.now());
    } else setFailed(true);
  }

  if (left <= 0 || failed) {
    return (
      <p
        role="alert"
        className="w-full rounded-md border-2 border-danger bg-danger-soft px-4 py-3 text-danger"
      >
        You were signed out after {formatMinutes(idleMinutes)} without activity. Your page drafts
        are kept: <Link href="/staff">sign in again</Link> to continue.
      </p>
    );
  }
  return (
    <div
      role="alert"
      className="flex w-full flex-wrap items-center gap-3 rounded-md border border-line bg-brand-soft px-4 py-3"
    >
      <p>
        Nothing has happened here for a while: you will be signed out at{" "}
        {new Date(since + idleMs).toLocaleTimeString([], {
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        })}
        . Your page drafts are kept.
      </p>
      <button type="button" className={secondaryButtonClass} onClick={() => void stay()}>
        Stay signed in
      </button>
    </div>
  );
}

function formatMinutes(minutes: number): string {
  return minutes >= 1
    ? `${Math.round(minutes)} minute${minutes >= 2 ? "s" : ""}`
    : `${Math.round(minutes * 60)} seconds`;
}
