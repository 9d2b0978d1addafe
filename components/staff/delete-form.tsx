import { deleteRequestAction } from "@/lib/actions/staff";
import { dangerButtonClass } from "@/components/ui/form-styles";

/* A ticked box is the confirmation, so deleting needs no JavaScript and no dialog. */
export function DeleteForm({ reference }: { reference: string }) {
  return (
    <section
      aria-labelledby="delete-heading"
      className="mt-10 rounded-md border-2 border-danger p-4"
    >
      <h2 id="delete-heading" className="text-2xl font-semibold">
        Delete this request
      </h2>
      <p className="mt-2 max-w-measure">
        Use this when a patient asks for their data to be erased. The request and its history are
        removed for good and cannot be brought back.
      </p>
      <form action={deleteRequestAction} className="mt-4 space-y-3">
        <input type="hidden" name="reference" value={reference} />
        <div className="flex items-start gap-3">
          <input
            id="delete-confirm"
            name="confirm"
            type="checkbox"
            value="yes"
            required
            className="mt-1 h-6 w-6"
          />
          <label htmlFor="delete-confirm">
            I understand that request {reference} will be permanently deleted.
          </label>
        </div>
        <button type="submit" className={dangerButtonClass}>
          Delete permanently
        </button>
      </form>
    </section>
  );
}
