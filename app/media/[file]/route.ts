import { MEDIA_PATTERN } from "@/lib/content/images/image-probe";
import { getDb } from "@/lib/db/client";
import { getContentImage } from "@/lib/db/content-revisions";

/* An uploaded image. Its address is its content hash, so it can be cached for good. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = MEDIA_PATTERN.exec(`/media/${(await params).file}`);
  const image = match?.[1] ? await getContentImage(await getDb(), match[1]) : undefined;
  if (!image) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(image.data, "base64"), {
    headers: {
      "Content-Type": image.mime,
      "Content-Length": String(image.bytes),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
