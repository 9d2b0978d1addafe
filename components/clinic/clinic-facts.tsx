import { getClinic, practitionerName } from "@/lib/content/clinic";
import { telHref } from "@/lib/content/phone";

/* Small inline facts staff can drop into any MDX page; each reads content/clinic.yaml. */

export function ClinicName() {
  return <>{getClinic().name}</>;
}

export function PractitionerName() {
  return <>{practitionerName(getClinic())}</>;
}

export function ClinicPhone() {
  const { phone } = getClinic();
  return <a href={telHref(phone)}>{phone}</a>;
}

export function ClinicEmail() {
  const { email } = getClinic();
  return <a href={`mailto:${email}`}>{email}</a>;
}

export function EmergencyNumber() {
  const { emergencyNumber } = getClinic();
  return <a href={telHref(emergencyNumber)}>{emergencyNumber}</a>;
}

export function GettingHere() {
  return <p>{getClinic().gettingHere}</p>;
}
