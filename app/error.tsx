"use client";

// Next.js requires error boundaries to be client components; this one holds no state of its own.
import { StatusPage } from "@/components/ui/status-page";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      title="Something went wrong on our side"
      action={
        <button
          type="button"
          onClick={reset}
          className="inline-flex min-h-11 items-center rounded-md border border-line px-5 font-semibold"
        >
          Try again
        </button>
      }
    >
      <p>
        Please try again. If it keeps happening, call us on the number at the foot of this page and
        we will help by phone.
      </p>
    </StatusPage>
  );
}
