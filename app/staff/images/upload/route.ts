import { NextResponse, type NextRequest } from "next/server";
import { uploadImage } from "@/lib/content/upload-image";
import { getDb } from "@/lib/db/client";
import { requireStaff } from "@/lib/staff/auth";

/*
 * A route, not a server action: images are up to 5 MB, far above the small
 * body limit server actions keep for the public form. The session cookie is
 * SameSite=Strict, and a post from another origin is refused as well.
 */
export async function POST(request: NextRequest) {
  const back = (query: string) =>
    NextResponse.redirect(new URL(`/staff/images?${query}`, request.url), 303);
  const origin = request.headers.get("origin");
  if (!(await requireStaff()) || (origin && origin !== request.nextUrl.origin))
    return NextResponse.redirect(new URL("/staff", request.url), 303);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back("error=missing");
  }
  const result = await uploadImage(await getDb(), form.get("image"), new Date());
  return back(result.ok ? `uploaded=${encodeURIComponent(result.src)}` : `error=${result.error}`);
}
