"use client";

import { useEffect, useRef } from "react";
import { BookingLink } from "@/components/ui/booking-link";
import { DialLinks, PhoneLink } from "@/components/ui/phone-link";
import type { ConsultationReceived } from "@/lib/consultation/types";
import { redFlagAdvice, type ClinicContact } from "@/lib/validations/consultation-fields";

/**
 * The answer after a stored request. A ticked warning sign puts its advice
 * first, at its level: an emergency sign is told to call now, a see-a-doctor
 * sign to see a doctor today, in the words the article uses.
 */
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
    <PhoneLink
      number={clinic.phone}
      className="font-semibold text-brand underline underline-offset-2"
    />
  );
  const reference = (
    <strong className="font-mono text-lg tracking-wider text-ink">{result.reference}</strong>
  );

  if (result.level) {
    const advice = redFlagAdvice(result.level, clinic.emergencyNumber);
    return (
      <section
        role="status"
        data-level={result.level}
        className={`space-y-4 rounded-md border-4 border-danger p-6 ${
          result.level === "emergency" ? "bg-danger-soft" : "bg-warning-soft"
        }`}
      >
        <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold text-ink focus:outline-none">
          {advice.title}
        </h2>
        <p className="text-lg text-ink">
          {result.level === "emergency"
            ? "A sign you ticked can mean a serious problem that needs help straight away."
            : "A sign you ticked needs a doctor to check it today, before acupuncture."}{" "}
          <span className="text-danger">
            <DialLinks text={advice.action} number={clinic.emergencyNumber} />
          </span>
        </p>
        <p className="text-ink">
          We have kept your request, reference {reference}, and marked it urgent for our staff. You
          can also call us on {phone}.
        </p>
        {/* No booking link here: the advice above, not an appointment, is the next step. */}
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
      <BookingLink link={clinic.booking ?? null} className="text-ink" />
    </section>
  );
}
