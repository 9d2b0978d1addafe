"use client";

import { useEffect, useRef } from "react";
import type { ConsultationReceived } from "@/lib/consultation/state";
import { telHref, type ClinicContact } from "./clinic-contact";

/** The answer after a stored request: urgent advice first when a red flag was ticked. */
export function RequestReceived({
  result,
  clinic,
}: {
  result: ConsultationReceived;
  clinic: ClinicContact;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus so screen readers announce the outcome instead of silence.
  useEffect(() => heading.current?.focus(), []);
  const phone = (
    <a
      href={telHref(clinic.phone)}
      className="font-semibold text-brand underline underline-offset-2"
    >
      {clinic.phone}
    </a>
  );
  const reference = (
    <strong className="font-mono text-lg tracking-wider text-ink">{result.reference}</strong>
  );

  if (result.urgent) {
    return (
      <section
        role="status"
        className="space-y-4 rounded-md border-4 border-danger bg-danger-soft p-6"
      >
        <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold text-ink focus:outline-none">
          Please get urgent medical care now
        </h2>
        <p className="text-lg text-ink">
          The symptoms you ticked can be signs of a problem that needs a doctor today, not
          acupuncture. Call{" "}
          <a
            href={`tel:${clinic.emergencyNumber}`}
            className="font-bold text-danger underline underline-offset-2"
          >
            {clinic.emergencyNumber}
          </a>{" "}
          or go to your nearest emergency department now.
        </p>
        <p className="text-ink">
          We have kept your request, reference {reference}, and marked it urgent for our staff. You
          can also call us on {phone}.
        </p>
      </section>
    );
  }
  return (
    <section role="status" className="space-y-4 rounded-md border border-line bg-brand-soft p-6">
      <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold text-ink focus:outline-none">
        Thank you, we have your request
      </h2>
      <p className="text-ink">Your reference is {reference}. Please quote it if you contact us.</p>
      <p className="text-ink">
        What happens next: we will {result.preferredContact === "phone" ? "call" : "email"} you
        within {clinic.replyWithin} to talk about your pain and find a time that suits you.
      </p>
      <p className="text-ink">If you would rather talk now, call us on {phone}.</p>
    </section>
  );
}
