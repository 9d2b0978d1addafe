import "server-only";
import { MAX_IMAGE_BYTES } from "@/lib/content/images/upload-image";
import { crossOriginRefusal, isCrossOriginPost } from "@/lib/security/cross-origin";
import type { StaffActor } from "./actor";
import type { StaffRoute } from "./endpoints";
import { guardRoute } from "./guard";

/*
 * What the two image routes (the Images page's upload and the editor's "Add
 * an image") check before they read a byte of the post. They are routes, not
 * server actions, because an image is far above the body limit actions keep.
 */

/** Relative, so it stays on whatever host the browser used. */
export const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location } });

/**
 * Refused by its declared length: the staff proxy passes on only the first
 * 10 MB, which would read as no file at all. The form's own fields and
 * multipart boundaries add a few hundred bytes to the file.
 */
export function declaredTooBig(request: Request): boolean {
  return Number(request.headers.get("content-length")) > MAX_IMAGE_BYTES + 64 * 1024;
}

/**
 * The person posting, or the answer instead: another site's post 403 (proxy.ts
 * refuses it first; this holds should the proxy be bypassed), signed out as
 * `signedOut` says, a role without the catalogue's permission 403.
 */
export async function imagePoster(
  request: Request,
  route: StaffRoute,
  signedOut: () => Response,
): Promise<StaffActor | Response> {
  if (isCrossOriginPost(request.method, request.headers)) return crossOriginRefusal();
  return guardRoute(route, signedOut);
}
