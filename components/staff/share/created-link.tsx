"use client";

import { useState, useSyncExternalStore } from "react";
import { fieldClass, secondaryButtonClass } from "@/components/ui/form-styles";

const noSubscription = () => () => {};

/*
 * A review link just made: only its hash is stored, so this is the one time
 * it can be read. The copy button appears only where a script can copy;
 * without JavaScript the address is selected and copied by hand.
 */
export function CreatedLink({
  url,
  expires,
  fromDraft,
}: {
  url: string;
  expires: string;
  fromDraft: boolean;
}) {
  const canCopy = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.clipboard?.writeText === "function",
    () => false,
  );
  const [copied, setCopied] = useState<"yes" | "no" | undefined>();

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <div role="status" className="my-4 space-y-2 rounded-md border border-line bg-brand-soft p-4">
      <p className="font-semibold">
        Review link made: it shows {fromDraft ? "your draft" : "the page as published"} as it is
        now.
      </p>
      <p>
        Anyone with it can read that text, without signing in, until {expires}. Copy it now and send
        it to the reviewer: it is not shown again.
      </p>
      <label htmlFor="review-link" className="block font-semibold">
        Review link
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="review-link"
          readOnly
          value={url}
          className={`${fieldClass} min-w-0 flex-1 font-mono`}
          data-testid="review-link"
        />
        {canCopy && (
          <button type="button" className={secondaryButtonClass} onClick={() => void copy()}>
            Copy link
          </button>
        )}
      </div>
      {copied && (
        <p>{copied === "yes" ? "Copied." : "Not copied: select the link and copy it yourself."}</p>
      )}
    </div>
  );
}
