"use client";

import { COMPONENT_CATALOGUE, COMPONENT_NAMES } from "@/lib/validations/component-catalogue";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { insertIntoBody } from "./insert-into-body";

/**
 * The components a page may use. Without JavaScript it is a list to copy
 * from; with it, each has a button that inserts its snippet at the cursor.
 */
export function ComponentList({ bodyId, canInsert }: { bodyId: string; canInsert: boolean }) {
  return (
    <section aria-labelledby="components-heading" className="rounded-lg border border-line p-4">
      <h2 id="components-heading" className="text-lg font-semibold">
        Components you can use
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        Anything else in angle brackets, and anything in curly braces, is refused.
      </p>
      <ul className="mt-3 space-y-3">
        {COMPONENT_NAMES.map((name) => (
          <li key={name}>
            <p>
              <code className="font-mono font-semibold">{`<${name}>`}</code>{" "}
              <span className="text-sm text-ink-muted">{COMPONENT_CATALOGUE[name].use}</span>
            </p>
            {canInsert ? (
              <button
                type="button"
                className={`${secondaryButtonClass} mt-1 text-sm`}
                onClick={() =>
                  insertIntoBody(bodyId, COMPONENT_CATALOGUE[name].snippet, { ownLine: false })
                }
              >
                Insert {name}
              </button>
            ) : (
              <pre className="mt-1 overflow-x-auto rounded bg-surface-raised p-2 text-xs">
                {COMPONENT_CATALOGUE[name].snippet}
              </pre>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
