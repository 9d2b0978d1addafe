import { useEffect, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

function countText(max: number, length: number): string {
  const left = max - length;
  const n = (value: number) => value.toLocaleString("en");
  if (left >= 0) return `You have ${n(left)} character${left === 1 ? "" : "s"} left`;
  return `You have ${n(-left)} character${left === -1 ? "" : "s"} too many`;
}

/**
 * How much room is left, as the visitor types. Shown only once JavaScript runs
 * (without it the hint states the limit); read to screen readers a second after
 * typing stops, not at every keystroke.
 */
export function CharacterCount({ max, length }: { max: number; length: number }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const text = countText(max, length);
  const [announced, setAnnounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), 1000);
    return () => clearTimeout(timer);
  }, [text]);

  if (!hydrated) return null;
  return (
    <>
      <p
        aria-hidden="true"
        className={length > max ? "font-semibold text-danger" : "text-ink-muted"}
      >
        {text}
      </p>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
