"use client";

// Next.js requires error boundaries to be client components; this one holds no state of its own.
import Link from "next/link";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-4 text-lg">
        Please try again. If it keeps happening, call us on the number at the foot of this page and
        we will help by phone.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-4">
        <button
          type="button"
          onClick={reset}
          className="inline-flex min-h-11 items-center rounded-lg border border-line px-5 font-semibold"
        >
          Try again
        </button>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand px-5 font-semibold text-on-brand no-underline"
        >
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
