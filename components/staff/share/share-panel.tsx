"use client";

import { useActionState } from "react";
import { reviewLinksAction } from "@/lib/actions/review-links";
import type { ReviewLinksState } from "@/lib/validations/review-links";
import { REVIEW_LINK_DAYS } from "@/lib/validations/review-links";
import { secondaryButtonClass } from "@/components/ui/form-styles";
import { Notice } from "@/components/ui/notice";
import { CreatedLink } from "./created-link";

/*
 * "Share this draft for review" on the page editor: make a private link a
 * practitioner opens without signing in, see the live ones and revoke any.
 * Every answer brings the list as it now is. Works without JavaScript.
 */
export function SharePanel({ slug, initial }: { slug: string; initial: ReviewLinksState }) {
  const [state, formAction, pending] = useActionState(reviewLinksAction, initial);
  const page = slug || "index";
  return (
    <section aria-labelledby="share-heading" className="mt-10 border-t border-line pt-6">
      <h2 id="share-heading" className="text-xl font-semibold">
        Share for review
      </h2>
      <p className="mt-2 text-ink-muted">
        A private link to your draft of this page (or the page as published, when you have no
        draft), for a practitioner to read without signing in. It shows the text as it is now,
        marked &ldquo;Draft — not published&rdquo;, and stops working after {REVIEW_LINK_DAYS} days
        or when you revoke it.
      </p>
      <form action={formAction} className="mt-4">
        <input type="hidden" name="intent" value="share" />
        <input type="hidden" name="slug" value={page} />
        <button type="submit" className={secondaryButtonClass} disabled={pending}>
          Share this draft for review
        </button>
      </form>
      <div key={state.answer}>
        {state.error && <Notice tone="error">{state.error}</Notice>}
        {state.notice && <Notice tone="success">{state.notice}</Notice>}
      </div>
      {state.created && <CreatedLink {...state.created} />}
      <h3 className="mt-6 font-semibold">Links that work now</h3>
      {state.links.length === 0 ? (
        <p className="mt-2 text-ink-muted">None: nobody can read a draft of this page.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {state.links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <span>
                Shared by {link.sharedBy}, works until {link.expires}
              </span>
              <form action={formAction}>
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="slug" value={page} />
                <input type="hidden" name="link" value={link.id} />
                <button
                  type="submit"
                  className={secondaryButtonClass}
                  disabled={pending}
                  aria-label={`Revoke the link shared by ${link.sharedBy}, working until ${link.expires}`}
                >
                  Revoke
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
