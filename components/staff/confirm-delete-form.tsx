import { CheckboxField } from "@/components/ui/fields";
import { dangerButtonClass } from "@/components/ui/form-styles";

/*
 * Every delete in the staff area: a ticked box is the confirmation, so
 * deleting needs no JavaScript and no dialog, and a stray click deletes
 * nothing. `id` keeps the heading and box apart when a page has several.
 */
export function ConfirmDeleteForm({
  id,
  action,
  fields,
  heading,
  explanation,
  confirm,
  button,
}: {
  id: string;
  action: (formData: FormData) => Promise<void>;
  /** Hidden fields naming what to delete; the action checks each of them again. */
  fields: Record<string, string | number>;
  heading: string;
  explanation?: string;
  confirm: string;
  button: string;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="mt-10 rounded-md border-2 border-danger p-4"
    >
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {heading}
      </h2>
      {explanation && <p className="mt-2 max-w-measure">{explanation}</p>}
      <form action={action} className="mt-4 space-y-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <CheckboxField
          id={`${id}-confirm`}
          name="confirm"
          label={confirm}
          inputProps={{ value: "yes", required: true }}
        />
        <button type="submit" className={dangerButtonClass}>
          {button}
        </button>
      </form>
    </section>
  );
}
