import { mediaResponse } from "@/lib/content/images/media-response";
import { getDb } from "@/lib/db/client";

/* An uploaded image's prepared file (lib/content/images/media-response.ts). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const name = (await params).file;
  return mediaResponse(await getDb(), name);
}
