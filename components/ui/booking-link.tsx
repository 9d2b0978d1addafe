import type { BookingLink as Booking } from "@/lib/validations/clinic-schema";

/**
 * "Already a patient? Book online": a plain link to the clinic's own booking
 * page, in the same tab. No embed and no script, so the page asks nothing of
 * another origin until the visitor chooses to go there. No hooks: it renders on
 * the server pages and inside the consultation form's answer alike.
 */
export function BookingLink({
  link,
  className = "",
}: {
  link: Booking | null;
  className?: string;
}) {
  if (!link) return null;
  return (
    <p className={className}>
      Already a patient?{" "}
      <a href={link.href} className="font-semibold text-brand underline underline-offset-2">
        {link.label}
      </a>
    </p>
  );
}
