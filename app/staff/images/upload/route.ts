import type { NextRequest } from "next/server";
import { uploadImage } from "@/lib/content/images/upload-image";
import { getDb } from "@/lib/db/client";
import { loggedRoute } from "@/lib/request-log";
import { audit } from "@/lib/staff/audit";
import { declaredTooBig, imagePoster, seeOther } from "@/lib/staff/image-post";
import { failurePage } from "@/lib/staff/save-failure";

/*
 * The Images page's upload: a route, not a server action, because an image is
 * far above the body limit actions keep (see lib/staff/image-post.ts).
 */
export const POST = loggedRoute("image.upload", async (request: NextRequest) => {
  const poster = await imagePoster(request, "POST /staff/images/upload", () => seeOther("/staff"));
  if (poster instanceof Response) return poster;
  if (declaredTooBig(request)) return seeOther("/staff/images?error=too-big");
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
  if (result.ok) await audit("image-uploaded", { type: "image", id: result.src });
  return seeOther(
    `/staff/images?${result.ok ? `uploaded=${encodeURIComponent(result.src)}` : `error=${result.error}`}`,
  );
});
