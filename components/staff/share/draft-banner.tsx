/** Above a draft opened from a review link: nobody should take it for the published page. */
export function DraftBanner() {
  return (
    <aside
      aria-label="Draft notice"
      className="border-b-4 border-danger bg-danger-soft px-4 py-3 text-center text-ink"
    >
      <p>
        <strong className="text-danger">Draft — not published.</strong> Shared privately for review:
        visitors cannot see this version, and it may change before it is published.
      </p>
    </aside>
  );
}
