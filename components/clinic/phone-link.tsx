/** A phone number as a link that phones dial reliably: the href keeps digits and a leading plus only. */
export function PhoneLink({ number, className }: { number: string; className?: string }) {
  return (
    <a href={`tel:${number.replace(/[^\d+]/g, "")}`} className={className}>
      {number}
    </a>
  );
}
