import { PhoneLink } from "@/components/ui/phone-link";
import { getClinic } from "@/lib/content/site/site";
import { practitionerName } from "@/lib/validations/clinic-schema";

export async function ClinicDetails() {
  const clinic = await getClinic();
  const { address } = clinic;
  return (
    <dl className="my-6 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
      <dt className="font-semibold">Practitioner</dt>
      <dd>
        {practitionerName(clinic)}
        <br />
        <span className="text-ink-muted">{clinic.practitioner.licence}</span>
      </dd>
      <dt className="font-semibold">Address</dt>
      <dd>
        <address className="not-italic">
          {address.street}
          <br />
          {address.locality}, {address.region} {address.postalCode}
        </address>
      </dd>
      <dt className="font-semibold">Phone</dt>
      <dd>
        <PhoneLink number={clinic.phone} />
      </dd>
      <dt className="font-semibold">Email</dt>
      <dd>
        <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
      </dd>
    </dl>
  );
}
