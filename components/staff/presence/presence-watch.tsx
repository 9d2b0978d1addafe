"use client";

import { useEffect, useState } from "react";
import {
  editingSentence,
  PRESENCE_PATH,
  type EditorShown,
  type PresenceAnswer,
} from "@/lib/validations/presence";

/*
 * Keeps "<name> is editing this page" current while the editor is open: a
 * heartbeat every few seconds records this sign-in and brings back who else
 * is here, and a beacon as the page goes away (closed, reloaded, left) takes
 * this sign-in off at once rather than a minute later. Without JavaScript the
 * server's list from when the page opened stays, and the person drops off a
 * minute after their last page load.
 */
export function PresenceWatch({
  page,
  initial,
  heartbeatMs,
}: {
  /** The page as the editor's address names it ("index" for the home page). */
  page: string;
  initial: EditorShown[];
  heartbeatMs: number;
}) {
  const [editors, setEditors] = useState(initial);

  useEffect(() => {
    let stopped = false;
    async function beat() {
      const response = await fetch(PRESENCE_PATH, {
        method: "POST",
        body: new URLSearchParams({ page }),
      }).catch(() => null);
      if (stopped || !response) return;
      // Signed out or no longer allowed: nothing here is current any more.
      if (response.status === 401 || response.status === 403) {
        stopped = true;
        clearInterval(timer);
        setEditors([]);
        return;
      }
      if (!response.ok) return;
      const answer = (await response.json().catch(() => null)) as PresenceAnswer | null;
      if (!stopped && answer && Array.isArray(answer.editors)) setEditors(answer.editors);
    }
    const leave = () => {
      navigator.sendBeacon(PRESENCE_PATH, new URLSearchParams({ page, leave: "1" }));
    };
    // Back from the browser's page cache: the beacon took this sign-in off, so say it is back.
    const shown = (event: PageTransitionEvent) => {
      if (event.persisted && !stopped) void beat();
    };
    const timer = setInterval(() => void beat(), heartbeatMs);
    window.addEventListener("pagehide", leave);
    window.addEventListener("pageshow", shown);
    return () => {
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("pageshow", shown);
      clearInterval(timer);
      // Left within the app (a link to another staff page): the page did not go away.
      if (!stopped) leave();
      stopped = true;
    };
  }, [page, heartbeatMs]);

  return <EditingNotice editors={editors} />;
}

/** Always in the page, so a screen reader hears a colleague arrive or leave. */
function EditingNotice({ editors }: { editors: EditorShown[] }) {
  return (
    <div role="status" data-testid="editing-now">
      {editors.length > 0 && (
        <ul className="my-4 space-y-1 rounded-md border border-line bg-brand-soft px-4 py-3 text-ink">
          {editors.map((editor) => (
            <li key={`${editor.name} ${editor.since}`}>{editingSentence(editor)}.</li>
          ))}
        </ul>
      )}
    </div>
  );
}
