import type { NextRequest } from "next/server";
import { uploadImage } from "@/lib/content/images/upload-image";
import { getDb } from "@/lib/db/client";
import { requireStaff } from "@/lib/staff/auth";
import { failurePage } from "@/lib/staff/save-failure";

/*
 * A route, not a server action: images are up to 5 MB, far above the small
 * body limit server actions keep for the public form. The session cookie is
 * SameSite=Strict, and a post from another origin is refused as well.
 * Redirects are relative, so they stay on whatever host the browser used.
 */
const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location } });

export async function POST(request: NextRequest) {
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (!(await requireStaff()) || (origin && host && new URL(origin).host !== host))
    return seeOther("/staff");
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
