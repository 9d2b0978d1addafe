import { preload } from "react-dom";
import { svgSize } from "@/lib/content/images/image-size";
import { DENSE_PHONE, mediaSources, type MediaSources } from "@/lib/content/images/media-names";
import type { ComponentProps } from "@/lib/validations/component-catalogue";

/**
 * As the catalogue's schema outputs them (width="1200" arrives as the number 1200), and
 * `priority`, which the renderer sets on a page's first Figure (see mdx-components.tsx).
 */
type FigureProps = ComponentProps<"Figure"> & { priority?: boolean };

/* The page column: max-w-3xl (48rem) less px-4 on each side, or the screen less the padding. */
const COLUMN_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

/*
 * The first image is asked for from <head>, before the stylesheet and the
 * framework's scripts that would otherwise share the connection with it: the
 * AVIF copy the <picture> below will pick (every browser the site supports
 * reads AVIF), for dense phones and for everyone else.
 */
function preloadFirst(uploaded: MediaSources) {
  const capped = uploaded.sources.some((source) => source.media);
  for (const source of uploaded.sources.filter((s) => s.type === "image/avif")) {
    preload(uploaded.src, {
      as: "image",
      type: source.type,
      imageSrcSet: source.srcSet,
      imageSizes: COLUMN_SIZES,
      fetchPriority: "high",
      media: source.media ?? (capped ? `not all and ${DENSE_PHONE}` : undefined),
    });
  }
}

export function Figure({ src, alt, caption, width, height, priority }: FigureProps) {
  const size = width && height ? { width, height } : svgSize(src);
  if (!size)
    throw new Error(`Figure ${src} needs width and height (only SVG sizes are read automatically)`);
  const uploaded = mediaSources(src);
  if (uploaded && priority) preloadFirst(uploaded);
  /* A plain <img> (in a <picture> for uploads, whose widths and types the browser picks from
     by itself): next/image would only add its client component to every article. Width and
     height keep the layout stable while the file arrives. */
  const image = (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={uploaded?.src ?? src}
      srcSet={uploaded?.fallbackSrcSet}
      sizes={uploaded ? COLUMN_SIZES : undefined}
      alt={alt}
      width={size.width}
      height={size.height}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className="h-auto w-full rounded-xl"
    />
  );
  return (
    <figure className="my-8">
      {uploaded ? (
        <picture>
          {uploaded.sources.map((source) => (
            <source
              key={`${source.media ?? ""}${source.type}`}
              type={source.type}
              media={source.media}
              srcSet={source.srcSet}
              sizes={COLUMN_SIZES}
            />
          ))}
          {image}
        </picture>
      ) : (
        image
      )}
      <figcaption className="mt-2 text-sm text-ink-muted">{caption}</figcaption>
    </figure>
  );
}
