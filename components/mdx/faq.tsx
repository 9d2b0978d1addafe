import type { ReactNode } from "react";
import type { ComponentProps } from "@/lib/validations/component-catalogue";

/** Questions and answers as native <details>: they open and close without JavaScript. */
export function Faq({ children }: { children?: ReactNode }) {
  return <div className="my-6 divide-y divide-line rounded-lg border border-line">{children}</div>;
}

export function Question({ q, children }: ComponentProps<"Question"> & { children?: ReactNode }) {
  return (
    <details className="group px-4 py-1">
      <summary className="flex min-h-11 items-center justify-between gap-4 py-2 font-semibold">
        {q}
        <span aria-hidden="true" className="text-brand transition-transform group-open:rotate-45">
          +
        </span>
      </summary>
      <div className="space-y-3 pb-4">{children}</div>
    </details>
  );
}
