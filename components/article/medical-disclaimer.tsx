import { getClinic } from "@/lib/content/clinic";
import { telHref } from "@/lib/content/phone";

export function MedicalDisclaimer() {
  const { emergencyNumber } = getClinic();
  return (
    <p className="mt-10 border-t border-line pt-4 text-sm text-ink-muted">
      This page gives general information, not a diagnosis or personal medical advice. Please see a
      doctor about back pain that is new, severe or getting worse, and call{" "}
      <a href={telHref(emergencyNumber)}>{emergencyNumber}</a> in an emergency.
    </p>
  );
}
