import { deletePageAction } from "@/lib/actions/page-revisions";
import { dangerButtonClass } from "@/components/ui/form-styles";

/** Deleting asks for a ticked box, so a stray click deletes nothing. */
export function DeletePageForm({ slug, parentId }: { slug: string; parentId: number }) {
  return (
    <form action={deletePageAction} className="mt-10 rounded-lg border-2 border-danger p-4">
      <h2 className="text-xl font-semibold">Delete this page</h2>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="parentId" value={parentId} />
      <div className="mt-3 flex items-center gap-3">
        <input
          id="confirm-delete"
          name="confirm"
          type="checkbox"
          value="yes"
          required
          className="size-6"
        />
        <label htmlFor="confirm-delete">
          Yes, delete /{slug}. It leaves the site and the menu.
        </label>
      </div>
      <button type="submit" className={`${dangerButtonClass} mt-3`}>
        Delete page
      </button>
    </form>
  );
}
