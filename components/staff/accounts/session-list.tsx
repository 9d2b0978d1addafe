import type { ListedSession } from "@/lib/db/staff-sessions";
import { endMyOtherSessionsAction, endMySessionAction } from "@/lib/actions/staff-sessions";
import { formatDateTime } from "@/lib/staff/format";
import { secondaryButtonClass } from "@/components/ui/form-styles";

/* One person's open sessions, newest activity first; this device marked and not endable here. */
export function SessionList({
  sessions,
  currentId,
  timeZone,
}: {
  sessions: ListedSession[];
  currentId: string;
  timeZone: string;
}) {
  const others = sessions.filter((session) => session.id !== currentId);
  return (
    <section aria-labelledby="sessions" className="mt-8 space-y-4">
      <h2 id="sessions" className="text-2xl font-semibold">
        Signed in now
      </h2>
      <ul className="space-y-3">
        {sessions.map((session, index) => {
          const current = session.id === currentId;
          const headingId = `session-${index + 1}`;
          return (
            <li
              key={session.id}
              aria-labelledby={headingId}
              className="space-y-1 rounded-md border border-line p-4 wrap-anywhere"
            >
              <h3 id={headingId} className="text-lg font-semibold">
                {session.userAgent || "Unknown device"}
                {current ? " (this device)" : null}
              </h3>
              <p className="text-ink-muted">
                Signed in: {formatDateTime(session.createdAt, timeZone)} · Last seen:{" "}
                {formatDateTime(session.lastSeenAt, timeZone)}
              </p>
              {current ? (
                <p>To end this one, sign out.</p>
              ) : (
                <form action={endMySessionAction}>
                  <input type="hidden" name="session" value={session.id} />
                  <button type="submit" className={secondaryButtonClass}>
                    End the session on {session.userAgent || "this unknown device"}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <form action={endMyOtherSessionsAction}>
          <button type="submit" className={secondaryButtonClass}>
            Sign out everywhere else ({others.length} other{" "}
            {others.length === 1 ? "session" : "sessions"})
          </button>
        </form>
      ) : (
        <p>You are signed in nowhere else.</p>
      )}
    </section>
  );
}
