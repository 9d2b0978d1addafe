import Link from "next/link";
import type { ReactNode } from "react";

/** The shared look of the 404 and error pages: a plain message and a clear way on. */
export function StatusPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-semibold">{title}</h1>
      <div className="mt-4 space-y-3 text-lg">{children}</div>
      <Link
        href="/"
        className="mt-8 inline-flex min-h-11 items-center rounded-lg bg-brand px-5 font-semibold text-on-brand no-underline"
      >
        Go to the home page
      </Link>
    </div>
  );
}
