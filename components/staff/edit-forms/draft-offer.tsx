import { discardDraftAction } from "@/lib/actions/page-draft";
import type { EditorValues } from "@/lib/validations/editor-state";
import type { DraftOffer as Offer } from "@/lib/staff/open-editor";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { secondaryButtonClass } from "@/components/ui/form-styles";

/**
 * Shown instead of the editor when its person left an unpublished draft of
 * this page, so that nothing typed now can overwrite it unseen. Both choices
 * are plain forms and work without JavaScript.
 */
export function DraftOffer({
  offer,
  page,
  timeZone,
}: {
  offer: Offer;
  page: Pick<EditorValues, "isNew" | "slug">;
  timeZone: string;
}) {
  return (
    <section
      aria-labelledby="draft-offer-heading"
      className="rounded-lg border-2 border-brand bg-brand-soft p-5"
    >
      <h2 id="draft-offer-heading" className="text-xl font-semibold">
        You have an unpublished draft from {draftTime(offer.savedAt, timeZone, new Date())} —
        continue or discard
      </h2>
      <p className="mt-2">
        {offer.title ? <>It is titled “{offer.title}”. </> : null}Continue to go on where you left
        off; Discard to start again from the page as visitors see it now.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <form method="get">
          <input type="hidden" name="draft" value="continue" />
          <button type="submit" className={primaryButtonClass}>
            Continue the draft
          </button>
        </form>
        <form action={discardDraftAction}>
          <input type="hidden" name="isNew" value={page.isNew ? "1" : "0"} />
          <input type="hidden" name="slug" value={page.slug || "index"} />
          <input type="hidden" name="draftVersion" value={offer.version} />
          <button type="submit" className={secondaryButtonClass}>
            Discard the draft
          </button>
        </form>
      </div>
    </section>
  );
}

/** "14:05" today, "Dec 1, 14:05" another day, in the clinic's time zone. */
function draftTime(iso: string, timeZone: string, now: Date): string {
  const day = (date: Date) => date.toLocaleDateString("en-CA", { timeZone });
  const time = new Date(iso).toLocaleTimeString("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
  });
  if (day(new Date(iso)) === day(now)) return time;
  const date = new Date(iso).toLocaleDateString("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
  });
  return `${date}, ${time}`;
}
