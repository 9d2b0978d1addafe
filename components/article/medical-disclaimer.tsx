import { PhoneLink } from "@/components/ui/phone-link";
import { getClinic } from "@/lib/content/site/site";

export async function MedicalDisclaimer() {
  const { emergencyNumber } = await getClinic();
  return (
    <p className="mt-10 border-t border-line pt-4 text-sm text-ink-muted">
      This page gives general information, not a diagnosis or personal medical advice. Please see a
      doctor about back pain that is new, severe or getting worse, and call{" "}
      <PhoneLink number={emergencyNumber} /> in an emergency.
    </p>
  );
}
