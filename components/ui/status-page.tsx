import Link from "next/link";
import type { ReactNode } from "react";
import { primaryButtonClass } from "./button-styles";

/** The shared look of the 404 and error pages: a plain message and a clear way on. */
export function StatusPage({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  /** Shown before the way home, such as the error page's "Try again". */
  action?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-3xl font-semibold">{title}</h1>
      <div className="mt-4 space-y-3 text-lg">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-4">
        {action}
        <Link href="/" className={primaryButtonClass}>
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
