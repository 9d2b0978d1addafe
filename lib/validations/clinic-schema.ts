import { z } from "zod";

export const WEEKDAYS = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as "09:00"');
const oneLine = z
  .string()
  .trim()
  .min(1, "is required")
  .refine((v) => !/[\r\n]/.test(v), {
    message: "must be on one line",
  });

/*
 * The booking page of the clinic's practice software (Jane, Cliniko, Acuity, Cal.com).
 * Only https: the link leaves the site for a page that takes personal details.
 */
const bookingUrl = z
  .string()
  .trim()
  .max(500, "must be at most 500 characters")
  .refine(isHttpsAddress, {
    message: "must be a full https:// address, such as https://willowlane.janeapp.com",
  });

/** A whole https:// address on a named host, with no user name or password in it. */
function isHttpsAddress(value: string): boolean {
  if (!/^https:\/\/[^/\s]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (
      url.protocol === "https:" &&
      url.username === "" &&
      url.password === "" &&
      /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)
    );
  } catch {
    return false;
  }
}

/** What the booking link says when the clinic gives it no label of its own. */
export const DEFAULT_BOOKING_LABEL = "Book online";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const clinicFields = z.strictObject({
  name: oneLine,
  shortName: oneLine,
  tagline: oneLine,
  practitioner: z.strictObject({
    name: oneLine,
    credentials: oneLine,
    licence: oneLine,
  }),
  address: z.strictObject({
    street: oneLine,
    locality: oneLine,
    region: oneLine,
    postalCode: oneLine,
    country: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as US or GB"),
  }),
  phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, "must be a phone number such as +1 555 010 0123"),
  email: z.email("must be an email address"),
  emergencyNumber: z
    .string()
    .regex(/^[0-9]{2,4}$/, 'must be the local emergency number, such as "911"'),
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/Chicago"),
  openingHours: z
    .array(
      z
        .strictObject({
          days: z.array(z.enum(WEEKDAYS)).min(1, "must list at least one day"),
          opens: time,
          closes: time,
        })
        .refine((h) => h.opens < h.closes, {
          message: "opens must be before closes",
          path: ["closes"],
        }),
    )
    .min(1, "must list at least one opening time"),
  gettingHere: z.string().trim().min(1, "is required"),
  replyWithin: oneLine,
  // Whether the clinic ever passes a small current through the needles: the safety advice
  // for people with a pacemaker or other implanted device depends on it.
  electroacupuncture: z.boolean({
    error: "must be true or false: does the clinic ever use electroacupuncture?",
  }),
  // Whether each visitor is emailed an acknowledgement of their request (issue 19). On unless
  // the clinic turns it off, so details saved before it existed keep working.
  acknowledgeRequests: z
    .boolean({ error: "must be true or false: email each visitor an acknowledgement?" })
    .default(true),
  // Optional: where existing patients book; unset, the site offers no booking link.
  bookingUrl: bookingUrl.optional(),
  bookingLabel: oneLine.max(40, "must be at most 40 characters").optional(),
});

export const clinicSchema = clinicFields.refine(
  (clinic) => clinic.bookingLabel === undefined || clinic.bookingUrl !== undefined,
  {
    message: "needs the booking page address too: add it, or clear the booking link label",
    path: ["bookingUrl"],
  },
);

export type Clinic = z.infer<typeof clinicSchema>;

export interface BookingLink {
  href: string;
  label: string;
}

/** The "Already a patient?" link, or null when the clinic has no booking page. */
export function bookingLink(
  clinic: Pick<Clinic, "bookingUrl" | "bookingLabel">,
): BookingLink | null {
  if (!clinic.bookingUrl) return null;
  return { href: clinic.bookingUrl, label: clinic.bookingLabel ?? DEFAULT_BOOKING_LABEL };
}

/** "Jordan Ellery, L.Ac.": the practitioner as pages name them, and the default reviewer. */
export function practitionerName({ practitioner }: Pick<Clinic, "practitioner">): string {
  return `${practitioner.name}, ${practitioner.credentials}`;
}

/** Ends a fact with a full stop unless it has one already, as credentials like "L.Ac." do. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
