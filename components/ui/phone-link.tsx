/** A phone number as a link that phones dial reliably: the href keeps digits and a leading plus only. */
export function PhoneLink({ number, className }: { number: string; className?: string }) {
  return (
    <a href={`tel:${number.replace(/[^\d+]/g, "")}`} className={className}>
      {number}
    </a>
  );
}

/*
 * Advice text with every mention of the emergency number made a link that
 * dials it. Plain markup, so the article (server) and the form's answer
 * (client) render the same words the same way.
 */
export function DialLinks({ text, number }: { text: string; number: string }) {
  const parts = text.split(number);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 ? (
            <PhoneLink number={number} className="font-bold underline underline-offset-2" />
          ) : null}
          {part}
        </span>
      ))}
    </>
  );
}
