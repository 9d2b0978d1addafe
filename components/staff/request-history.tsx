import type { RequestEvent } from "@/lib/db/types";
import { formatDateTime, statusLabel } from "@/lib/staff/format";

function describe(event: RequestEvent) {
  if (event.kind === "note") return <span className="whitespace-pre-wrap">Note: {event.note}</span>;
  const from = event.from_status ? statusLabel(event.from_status) : "none";
  const to = event.to_status ? statusLabel(event.to_status) : "none";
  return `Status changed from ${from} to ${to}`;
}

export function RequestHistory({ events, timeZone }: { events: RequestEvent[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-2xl font-semibold">
        History and notes
      </h2>
      {events.length === 0 ? (
        <p className="mt-2">No changes or notes yet.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {events.map((event) => (
            <li
              key={event.id}
              className="rounded-md border border-line bg-surface-raised px-4 py-3"
            >
              <p className="text-sm text-ink-muted">
                <time dateTime={event.created_at}>
                  {formatDateTime(event.created_at, timeZone)}
                </time>
                {/* Changes from before personal accounts (migration 014) have no name. */}
                {event.author && (
                  <>
                    {" "}
                    by <bdi>{event.author}</bdi>
                  </>
                )}
              </p>
              {describe(event)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
