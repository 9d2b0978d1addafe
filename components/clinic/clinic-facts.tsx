import { getClinic, practitionerName } from "@/lib/content/clinic";
import { PhoneLink } from "@/components/ui/phone-link";

/* Small inline facts staff can drop into any MDX page; each reads content/clinic.yaml. */

export function ClinicName() {
  return <>{getClinic().name}</>;
}

export function PractitionerName() {
  return <>{practitionerName(getClinic())}</>;
}

export function ClinicPhone() {
  const { phone } = getClinic();
  return <PhoneLink number={phone} />;
}

export function ClinicEmail() {
  const { email } = getClinic();
  return <a href={`mailto:${email}`}>{email}</a>;
}

export function EmergencyNumber() {
  const { emergencyNumber } = getClinic();
  return <PhoneLink number={emergencyNumber} />;
}

/** Whether the clinic uses electroacupuncture, and why it matters with an implanted device. */
export function Electroacupuncture() {
  return getClinic().electroacupuncture ? (
    <>
      We sometimes use electroacupuncture, where a small electric current is passed through the
      needles. We never use it if you have a pacemaker or another implanted device.
    </>
  ) : (
    <>
      We don&apos;t use electroacupuncture (a small electric current passed through the needles) at
      our clinic.
    </>
  );
}

export function GettingHere() {
  return <p>{getClinic().gettingHere}</p>;
}
