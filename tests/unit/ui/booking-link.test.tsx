import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BookingLink } from "@/components/ui/booking-link";
import { RequestReceived } from "@/components/consultation/request-received";
import type { ConsultationReceived } from "@/lib/consultation/types";

/*
 * The booking link as markup: a plain <a href> in the same tab, nothing at all
 * without a booking page, and on the answer only when no warning sign was
 * ticked, so red-flag advice stays the one next step.
 */
const link = { href: "https://willowlane.janeapp.com/book", label: "Book online" };
const clinic = { phone: "+1 555 010 0123", emergencyNumber: "911", replyWithin: "one day" };
const answer = (level: ConsultationReceived["level"]): ConsultationReceived => ({
  status: "received",
  reference: "BP-ABCDEF",
  urgent: level !== null,
  level,
  preferredContact: "email",
});

describe("the booking link", () => {
  it("is a plain same-tab link to the booking page, and nothing when there is none", () => {
    const html = renderToStaticMarkup(<BookingLink link={link} />);
    expect(html).toBe(
      '<p class="">Already a patient? <a href="https://willowlane.janeapp.com/book" class="font-semibold text-brand underline underline-offset-2">Book online</a></p>',
    );
    expect(renderToStaticMarkup(<BookingLink link={null} />)).toBe("");
  });

  it("shows on the ordinary answer only, never beside red-flag advice", () => {
    const ordinary = renderToStaticMarkup(
      <RequestReceived result={answer(null)} clinic={{ ...clinic, booking: link }} />,
    );
    expect(ordinary).toContain(`Already a patient? <a href="${link.href}"`);
    for (const level of ["emergency", "urgent"] as const) {
      const html = renderToStaticMarkup(
        <RequestReceived result={answer(level)} clinic={{ ...clinic, booking: link }} />,
      );
      expect(html).toContain("BP-ABCDEF");
      expect(html).not.toContain("Already a patient?");
    }
    expect(
      renderToStaticMarkup(<RequestReceived result={answer(null)} clinic={clinic} />),
    ).not.toContain("Already a patient?");
  });
});
