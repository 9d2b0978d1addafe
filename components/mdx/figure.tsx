import { svgSize } from "@/lib/content/images/image-size";
import { mediaSources } from "@/lib/content/images/media-names";
import type { ComponentProps } from "@/lib/validations/component-catalogue";

/**
 * As the catalogue's schema outputs them (width="1200" arrives as the number 1200), and
 * `priority`, which the renderer sets on a page's first Figure (see mdx-components.tsx).
 */
type FigureProps = ComponentProps<"Figure"> & { priority?: boolean };

/* The page column: max-w-3xl (48rem) less px-4 on each side, or the screen less the padding. */
const COLUMN_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)";

export function Figure({ src, alt, caption, width, height, priority }: FigureProps) {
  const size = width && height ? { width, height } : svgSize(src);
  if (!size)
    throw new Error(`Figure ${src} needs width and height (only SVG sizes are read automatically)`);
  const uploaded = mediaSources(src);
  /* A plain <img> (in a <picture> for uploads, whose widths and types the browser picks from
     by itself): next/image would only add its client component to every article. Width and
     height keep the layout stable while the file arrives. */
  const image = (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={uploaded?.src ?? src}
      srcSet={uploaded?.sources.at(-1)?.srcSet}
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
          {uploaded.sources.slice(0, -1).map((source) => (
            <source
              key={source.type}
              type={source.type}
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
