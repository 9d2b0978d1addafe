/* Urgency is said in words, not only with colour. */
export function UrgentBadge() {
  return (
    <span className="ml-1 inline-block rounded border border-danger bg-danger-soft px-2 text-sm font-semibold text-danger">
      Urgent
    </span>
  );
}
