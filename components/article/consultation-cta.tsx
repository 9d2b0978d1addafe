import { useId } from "react";
import { getClinic } from "@/lib/content/clinic";
import { ConsultationActions } from "./consultation-actions";

/** The route to a question or a booking, at the end of every article and wherever staff place it. */
export function ConsultationCta() {
  const { replyWithin } = getClinic();
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
