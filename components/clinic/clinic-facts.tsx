import { PhoneLink } from "@/components/ui/phone-link";
import { getClinic } from "@/lib/content/site/site";
import { practitionerName } from "@/lib/validations/clinic-schema";

/* Small inline facts staff can drop into any MDX page; each reads content/clinic.yaml. */

export async function ClinicName() {
  return <>{(await getClinic()).name}</>;
}

export async function PractitionerName() {
  return <>{practitionerName(await getClinic())}</>;
}

export async function ClinicPhone() {
  const { phone } = await getClinic();
  return <PhoneLink number={phone} />;
}

export async function ClinicEmail() {
  const { email } = await getClinic();
  return <a href={`mailto:${email}`}>{email}</a>;
}

export async function EmergencyNumber() {
  const { emergencyNumber } = await getClinic();
  return <PhoneLink number={emergencyNumber} />;
}

/** Whether the clinic uses electroacupuncture, and why it matters with an implanted device. */
export async function Electroacupuncture() {
  return (await getClinic()).electroacupuncture ? (
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

export async function GettingHere() {
  return <p>{(await getClinic()).gettingHere}</p>;
}
