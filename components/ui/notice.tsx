import type { ReactNode } from "react";

/* Errors interrupt (role="alert"); confirmations wait their turn (role="status"). */
export function Notice({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return tone === "error" ? (
    <p
      role="alert"
      className="my-4 rounded-md border-2 border-danger bg-danger-soft px-4 py-3 text-danger"
    >
      {children}
    </p>
  ) : (
    <p
      role="status"
      className="my-4 rounded-md border border-line bg-brand-soft px-4 py-3 text-ink"
    >
      {children}
    </p>
  );
}
