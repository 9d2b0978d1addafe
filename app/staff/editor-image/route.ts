import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { audit } from "@/lib/staff/audit";
import { UPLOAD_ERRORS } from "@/lib/content/images/upload-image";
import { declaredTooBig, imagePoster, seeOther } from "@/lib/staff/image-post";
import { pageParamSchema, staffPageHref } from "@/lib/staff/content-params";
import { addEditorImage, addFigureToDraft } from "@/lib/staff/editor-image";
import { failurePage } from "@/lib/staff/save-failure";

/*
 * The page editor's "Add an image": a route, like the Images page's upload,
 * because an image is far above the body limit of server actions. The editor
 * asks for JSON and puts the Figure at the cursor; a plain form post (no
 * JavaScript) adds it to the end of the draft and goes back to the editor.
 */
export async function POST(request: NextRequest) {
  const json = request.headers.get("accept")?.includes("application/json") ?? false;
  const poster = await imagePoster(request, "POST /staff/editor-image", () =>
    json
      ? Response.json(
          { ok: false, field: "image", code: "signed-out", message: SIGNED_OUT },
          { status: 401 },
        )
      : seeOther("/staff"),
  );
  if (poster instanceof Response) return poster;
  const tooBig = declaredTooBig(request);
  let form = new FormData();
  if (!tooBig) form = await request.formData().catch(() => form);
  // Back to a page the address names, never to one the form made up.
  const address = pageParamSchema.safeParse(form.get("slug"));
  const page = { isNew: form.get("isNew") === "1" || !address.success, slug: address.data ?? "" };
  const editor = page.isNew ? "/staff/new-page" : staffPageHref(page.slug);

  const now = new Date();
  try {
    const db = await getDb();
    const answer = tooBig
      ? {
          ok: false as const,
          field: "image" as const,
          code: "too-big",
          message: UPLOAD_ERRORS["too-big"],
        }
      : await addEditorImage(db, form, now);
    if (answer.ok) await audit("image-uploaded", { type: "image", id: answer.src });
    if (json) return Response.json(answer, { status: answer.ok ? 200 : 400 });
    if (!answer.ok)
      return seeOther(`${editor}?draft=continue&image-error=${answer.code}#add-image`);
    await addFigureToDraft(db, poster, page, answer.figure, now);
    return seeOther(`${editor}?draft=continue#field-body`);
  } catch (error) {
    return failurePage(error, {
      what: "The image was not added",
      back: { href: editor, label: "Back to the page you were writing" },
    });
  }
}

const SIGNED_OUT =
  "Not uploaded: you are signed out. Your text is still here: sign in again in a new tab, then add the image again.";
