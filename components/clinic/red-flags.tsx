import {
  RED_FLAG_LEVELS,
  redFlagAdvice,
  redFlagsAt,
  type RedFlagLevel,
} from "@/lib/validations/consultation-fields";
import { DialLinks } from "@/components/ui/phone-link";
import { getClinic } from "@/lib/content/site/site";

const boxes: Record<RedFlagLevel, string> = {
  emergency: "border-danger bg-danger-soft",
  urgent: "border-danger bg-warning-soft",
};

/**
 * The warning signs at both levels, each with what to do, from the list the
 * consultation form asks about. The emergency number is a link that dials it.
 */
export async function RedFlags() {
  const { emergencyNumber } = await getClinic();
  return (
    <div className="my-6 space-y-4">
      {RED_FLAG_LEVELS.map((level) => {
        const advice = redFlagAdvice(level, emergencyNumber);
        const id = `red-flags-${level}`;
        return (
          <section
            key={level}
            aria-labelledby={id}
            data-level={level}
            className={`rounded-lg border-l-4 px-5 py-4 ${boxes[level]}`}
          >
            <h3 id={id} className="text-xl font-semibold">
              {advice.title}
            </h3>
            <p className="mt-2">{advice.lead}</p>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {redFlagsAt(level).map((flag) => (
                <li key={flag.value}>{flag.label}</li>
              ))}
            </ul>
            <p className="mt-3 font-semibold">
              <DialLinks text={advice.action} number={emergencyNumber} />
            </p>
          </section>
        );
      })}
    </div>
  );
}
