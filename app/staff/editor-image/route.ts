import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { getStaffSession } from "@/lib/staff/auth";
import { staffPageHref } from "@/lib/staff/content-params";
import { addEditorImage, addFigureToDraft } from "@/lib/staff/editor-image";

/*
 * The page editor's "Add an image": a route, like the Images page's upload,
 * because an image is far above the body limit of server actions. The editor
 * asks for JSON and puts the Figure at the cursor; a plain form post (no
 * JavaScript) adds it to the end of the draft and goes back to the editor.
 */
const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location } });

export async function POST(request: NextRequest) {
  const json = request.headers.get("accept")?.includes("application/json") ?? false;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin && host && (origin === "null" || new URL(origin).host !== host))
    return new Response("Refused: this form can only be sent from the staff pages of this site.", {
      status: 403,
    });
  const session = await getStaffSession();
  if (!session) {
    return json
      ? Response.json(
          { ok: false, field: "image", code: "signed-out", message: SIGNED_OUT },
          { status: 401 },
        )
      : seeOther("/staff");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    form = new FormData();
  }
  const isNew = form.get("isNew") === "1";
  const slug = String(form.get("slug") ?? "").slice(0, 100);
  const page = { isNew, slug: slug === "index" ? "" : slug };
  const editor = isNew ? "/staff/new-page" : staffPageHref(page.slug);

  const db = await getDb();
  const now = new Date();
  const answer = await addEditorImage(db, form, now);
  if (json) return Response.json(answer, { status: answer.ok ? 200 : 400 });
  if (!answer.ok) return seeOther(`${editor}?draft=continue&image-error=${answer.code}#add-image`);
  await addFigureToDraft(db, session, page, answer.figure, now);
  return seeOther(`${editor}?draft=continue#field-body`);
}

const SIGNED_OUT =
  "Not uploaded: you are signed out. Your text is still here: sign in again in a new tab, then add the image again.";
