import { META_FIELDS } from "@/lib/validations/consultation-form-data";
import type { FormMetaValues } from "@/lib/consultation/state";

/**
 * The signed render time, the idempotency key and the honeypot. The honeypot
 * is hidden from sight, from assistive technology and from the tab order, so
 * only a bot filling every input ever puts text in it.
 */
export function HiddenFields({ meta }: { meta: FormMetaValues }) {
  return (
    <>
      <input type="hidden" name={META_FIELDS.token} value={meta.token} />
      <input type="hidden" name={META_FIELDS.key} value={meta.key} />
      <div hidden aria-hidden="true">
        <label htmlFor="field-website">Website</label>
        <input
          type="text"
          id="field-website"
          name={META_FIELDS.honeypot}
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
    </>
  );
}
