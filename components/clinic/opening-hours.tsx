import { getClinic } from "@/lib/content/site/site";

/** Opening hours as a definition list, in the order the clinic file gives them. */
export async function OpeningHours({ compact = false }: { compact?: boolean }) {
  const { openingHours } = await getClinic();
  return (
    <dl className={compact ? "space-y-1" : "my-6 space-y-2"}>
      {openingHours.map((slot) => (
        <div key={slot.days.join()} className="flex flex-wrap gap-x-2">
          <dt className="font-semibold">{slot.days.join(", ")}</dt>
          <dd>
            {slot.opens} to {slot.closes}
          </dd>
        </div>
      ))}
    </dl>
  );
}
