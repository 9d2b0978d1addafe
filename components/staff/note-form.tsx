import { addRequestNoteAction } from "@/lib/actions/staff";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { NOTE_LIMIT_TEXT, NOTE_MAX } from "@/lib/staff/schemas";
import { fieldClass } from "@/components/ui/form-styles";

export function NoteForm({ reference }: { reference: string }) {
  return (
    <form action={addRequestNoteAction} className="mt-6 max-w-measure space-y-2">
      <input type="hidden" name="reference" value={reference} />
      <label htmlFor="request-note" className="block font-semibold">
        Private note
      </label>
      <p id="request-note-hint" className="text-sm text-ink-muted">
        Only staff see notes. Up to {NOTE_LIMIT_TEXT}.
      </p>
      <textarea
        id="request-note"
        name="note"
        rows={4}
        maxLength={NOTE_MAX}
        required
        aria-describedby="request-note-hint"
        className={fieldClass}
      />
      <button type="submit" className={primaryButtonClass}>
        Add note
      </button>
    </form>
  );
}
