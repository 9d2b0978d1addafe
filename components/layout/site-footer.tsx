import Link from "next/link";
import { OpeningHours } from "@/components/clinic/opening-hours";
import { PhoneLink } from "@/components/ui/phone-link";
import { asSentence, practitionerName } from "@/lib/validations/clinic-schema";
import { getClinic } from "@/lib/content/site/site";

export async function SiteFooter() {
  const clinic = await getClinic();
  const { address } = clinic;
  return (
    <footer className="mt-16 border-t border-line bg-surface-raised text-sm">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 md:grid-cols-3">
        <section aria-labelledby="footer-clinic">
          <h2 id="footer-clinic" className="text-base font-semibold">
            {clinic.name}
          </h2>
          <address className="mt-2 not-italic">
            {address.street}
            <br />
            {address.locality}, {address.region} {address.postalCode}
          </address>
          <p className="mt-2">
            Phone: <PhoneLink number={clinic.phone} />
            <br />
            Email: <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
          </p>
        </section>
        <section aria-labelledby="footer-hours">
          <h2 id="footer-hours" className="text-base font-semibold">
            Opening hours
          </h2>
          <div className="mt-2">
            <OpeningHours compact />
          </div>
        </section>
        <section aria-labelledby="footer-info" className="print:hidden">
          <h2 id="footer-info" className="text-base font-semibold">
            Good to know
          </h2>
          <ul className="mt-2 space-y-1">
            <li>
              <Link href="/about">About the clinic</Link>
            </li>
            <li>
              <Link href="/privacy">Privacy notice</Link>
            </li>
            <li>
              <Link href="/accessibility">Accessibility</Link>
            </li>
            <li>
              <Link href="/consultation">Request a consultation</Link>
            </li>
          </ul>
        </section>
      </div>
      <div className="border-t border-line">
        <div className="mx-auto max-w-6xl space-y-2 px-4 py-6 text-ink-muted">
          <p>
            This site gives general information, not a diagnosis or medical advice. See a doctor for
            back pain that is new, severe or getting worse. In an emergency call{" "}
            <PhoneLink number={clinic.emergencyNumber} />.
          </p>
          <p>
            {asSentence(practitionerName(clinic))} {asSentence(clinic.practitioner.licence)}
          </p>
        </div>
      </div>
    </footer>
  );
}
