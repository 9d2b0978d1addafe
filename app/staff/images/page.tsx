import type { Metadata } from "next";
import { ImageUpload } from "@/components/staff/image-upload";
import { StaffToolbar } from "@/components/staff/staff-toolbar";
import { pageClass } from "@/components/ui/form-styles";
import { MEDIA_PATTERN, uploadSrc } from "@/lib/content/images/media-names";
import { UPLOAD_ERRORS } from "@/lib/content/images/upload-image";
import { getDb } from "@/lib/db/client";
import { listContentImages } from "@/lib/db/content-images";
import { requirePage } from "@/lib/staff/guard";
import { staffMetadata } from "@/lib/staff/metadata";

export const dynamic = "force-dynamic";
export const metadata: Metadata = staffMetadata("Images");

export default async function ImagesPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; uploaded?: string }>;
}) {
  await requirePage("/staff/images");
  const { error, uploaded } = await searchParams;
  const images = await listContentImages(await getDb());
  return (
    <div className={pageClass}>
      <StaffToolbar />
      <h1 className="text-3xl font-semibold">Images</h1>
      <ImageUpload
        images={images.map((image) => ({
          src: uploadSrc(image.hash, image.width, image.mime === "image/png" ? "png" : "jpg"),
          width: image.width,
          height: image.height,
          pending: image.pending,
        }))}
        error={
          error && error in UPLOAD_ERRORS
            ? UPLOAD_ERRORS[error as keyof typeof UPLOAD_ERRORS]
            : undefined
        }
        uploaded={uploaded && MEDIA_PATTERN.test(uploaded) ? uploaded : undefined}
      />
    </div>
  );
}
