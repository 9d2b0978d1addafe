import type { NextRequest } from "next/server";
import { MAX_IMAGE_BYTES, uploadImage } from "@/lib/content/images/upload-image";
import { getDb } from "@/lib/db/client";
import { requireStaff } from "@/lib/staff/auth";
import { failurePage } from "@/lib/staff/save-failure";

/*
 * A route, not a server action: images are up to MAX_IMAGE_BYTES, far above the
 * body limit server actions keep. A larger post is refused by its declared
 * length: the staff proxy passes on only its first 10 MB, which would read as
 * no file at all. The session cookie is SameSite=Strict, and a post from
 * another origin is refused as well.
 * Redirects are relative, so they stay on whatever host the browser used.
 */
const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location } });

export async function POST(request: NextRequest) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (!(await requireStaff()) || (origin && host && new URL(origin).host !== host))
    return seeOther("/staff");
  // The form's own fields and multipart boundaries add a few hundred bytes to the file.
  if (Number(request.headers.get("content-length")) > MAX_IMAGE_BYTES + 64 * 1024)
    return seeOther("/staff/images?error=too-big");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return seeOther("/staff/images?error=missing");
  }
  let result;
  try {
    result = await uploadImage(await getDb(), form.get("image"), new Date());
  } catch (error) {
    return failurePage(error, {
      what: "The image was not uploaded",
      back: { href: "/staff/images", label: "Back to the images, to choose it again" },
    });
  }
  return seeOther(
    `/staff/images?${result.ok ? `uploaded=${encodeURIComponent(result.src)}` : `error=${result.error}`}`,
  );
}
