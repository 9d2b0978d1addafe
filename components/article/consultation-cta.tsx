import { useId } from "react";
import { ConsultationActions } from "./consultation-actions";
import { getClinic } from "@/lib/content/site/site";

/** The route to a question or a booking, at the end of every article and wherever staff place it. */
export async function ConsultationCta() {
  const { replyWithin } = await getClinic();
  return <CtaBox replyWithin={replyWithin} />;
}

/* Hooks cannot run in an async component, so the box that needs an id is its own. */
function CtaBox({ replyWithin }: { replyWithin: string }) {
  // Staff may place this box in an article that also ends with one: ids must stay unique.
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="my-10 rounded-xl border border-line bg-brand-soft px-6 py-6"
    >
      <h2 id={headingId} className="!mt-0 text-xl font-semibold">
        Talk it through with us
      </h2>
      <p className="mt-2">
        Ask a question or request a first consultation. We reply within {replyWithin}, and there is
        no obligation to book.
      </p>
      <ConsultationActions />
    </section>
  );
}
