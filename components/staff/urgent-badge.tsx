import type { RedFlagLevel } from "@/lib/validations/consultation-fields";
import { URGENCY_TEXT } from "@/lib/staff/format";

/* Urgency and its level are said in words, not only with colour. */
export function UrgentBadge({ level }: { level: RedFlagLevel }) {
  return (
    <span
      data-level={level}
      className={`ml-1 inline-block rounded border border-danger px-2 text-sm font-semibold text-danger ${
        level === "emergency" ? "bg-danger-soft" : "bg-warning-soft"
      }`}
    >
      Urgent: {URGENCY_TEXT[level].short}
    </span>
  );
}
