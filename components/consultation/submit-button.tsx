export function SubmitButton({ pending }: { pending: boolean }) {
  return (
    <div>
      <button
        type="submit"
        aria-disabled={pending}
        className="min-h-12 rounded-md bg-brand px-6 py-3 text-base font-semibold text-on-brand focus-visible:outline-hidden focus-visible:ring-4 focus-visible:ring-focus aria-disabled:opacity-70"
      >
        {pending ? "Sending your request…" : "Send request"}
      </button>
      <p aria-live="polite" className="sr-only">
        {pending ? "Sending your request" : ""}
      </p>
    </div>
  );
}
