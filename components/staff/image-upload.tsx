import { Notice } from "@/components/ui/notice";
import { primaryButtonClass } from "@/components/ui/button-styles";
import { Field } from "@/components/ui/fields";
import { mediaSources } from "@/lib/content/images/media-names";
import { figureSnippet } from "@/lib/validations/component-catalogue";

interface Image {
  src: string;
  width: number;
  height: number;
  /** Stored by an older version and not prepared yet (or not preparable). */
  pending?: boolean;
}

/** Upload form and the uploaded images, each with the Figure text to paste into a page. */
export function ImageUpload({
  images,
  error,
  uploaded,
}: {
  images: Image[];
  error?: string;
  uploaded?: string;
}) {
  const justUploaded = images.find((image) => image.src === uploaded);
  return (
    <>
      <p className="mt-2 text-ink-muted">
        PNG, JPEG or WebP, up to 8 MB: a photo straight from a phone is fine. The site turns it
        upright, makes smaller copies for phones and removes everything but the picture (the place
        it was taken, the camera, the time). Paste the Figure text into a page and describe the
        image in its alt text: a page with an image but no alt text is not published.
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {justUploaded && (
        <Notice tone="success">
          Uploaded. Copy this into the page text:{" "}
          <code className="break-all">{figureSnippet(justUploaded).trim()}</code>
        </Notice>
      )}
      <form
        action="/staff/images/upload"
        method="post"
        encType="multipart/form-data"
        className="mt-6 space-y-3"
      >
        <Field
          name="image"
          label="Image file"
          inputProps={{ type: "file", accept: "image/png,image/jpeg,image/webp", required: true }}
        />
        <button type="submit" className={primaryButtonClass}>
          Upload image
        </button>
      </form>
      <h2 className="mt-10 text-xl font-semibold">Uploaded images</h2>
      {images.length === 0 ? (
        <p className="mt-2">None yet.</p>
      ) : (
        <ul className="mt-4 grid gap-6 sm:grid-cols-2">
          {images.map((image) =>
            image.pending ? (
              <li key={image.src} className="rounded-lg border border-line p-3">
                <p className="text-sm">
                  Uploaded before the site prepared images, and not prepared yet: it is done when
                  the site starts. If this stays, the file is too large or damaged: upload it again,
                  saved smaller, and use the new Figure text.
                </p>
              </li>
            ) : (
              <li key={image.src} className="rounded-lg border border-line p-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail: the smallest prepared copy */}
                <img
                  src={mediaSources(image.src)?.src ?? image.src}
                  alt=""
                  width={image.width}
                  height={image.height}
                  className="h-auto max-h-48 w-auto"
                />
                <p className="mt-2 text-sm">
                  {image.width} × {image.height} pixels
                </p>
                <code className="mt-2 block break-all text-sm">{figureSnippet(image).trim()}</code>
              </li>
            ),
          )}
        </ul>
      )}
    </>
  );
}
