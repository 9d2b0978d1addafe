import { getClinic } from "@/lib/content/clinic";
import { telHref } from "@/lib/content/phone";
import { RED_FLAGS } from "@/lib/content/red-flags";

/** The urgent-care symptom list, shared with the consultation form's screening questions. */
export function RedFlags() {
  const { emergencyNumber } = getClinic();
  return (
    <>
      <ul className="list-disc space-y-1 pl-6">
        {RED_FLAGS.map((flag) => (
          <li key={flag.value}>{flag.label}</li>
        ))}
      </ul>
      <p className="font-semibold">
        If you have back pain with any of these, contact a doctor or urgent care today, or call{" "}
        <a href={telHref(emergencyNumber)}>{emergencyNumber}</a> in an emergency. Please do not wait
        for an acupuncture appointment.
      </p>
    </>
  );
}
