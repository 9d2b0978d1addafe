"use client";

// Shown only when the root layout itself fails, so it brings its own <html>, styles and phone number.
import "./globals.css";

export default function GlobalError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  // Inlined by the build from next.config.ts `env`.
  const phone = process.env.CLINIC_PHONE ?? "";
  const name = process.env.CLINIC_NAME || "The clinic";
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-surface text-ink">
        <main className="mx-auto max-w-2xl px-4 py-16 text-center">
          <p className="font-semibold text-brand">{name}</p>
          <h1 className="mt-2 text-3xl font-semibold">Something went wrong on our side</h1>
          <p className="mt-4 text-lg">
            Please try again in a moment. To reach us now, call{" "}
            <a
              className="font-semibold whitespace-nowrap"
              href={`tel:${phone.replace(/[^\d+]/g, "")}`}
            >
              {phone}
            </a>
            .
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-4">
            <button
              type="button"
              onClick={reset}
              className="inline-flex min-h-11 items-center rounded-lg border border-line px-5 font-semibold"
            >
              Try again
            </button>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load: the app itself may be what failed */}
            <a
              href="/"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand px-5 font-semibold text-on-brand no-underline"
            >
              Go to the home page
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
