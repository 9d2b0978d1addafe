import { svgSize } from "@/lib/content/images/image-size";
import type { ComponentProps } from "@/lib/validations/component-catalogue";

/** As the catalogue's schema outputs them: width="1200" arrives as the number 1200. */
type FigureProps = ComponentProps<"Figure">;

export function Figure({ src, alt, caption, width, height }: FigureProps) {
  const size = width && height ? { width, height } : svgSize(src);
  if (!size)
    throw new Error(`Figure ${src} needs width and height (only SVG sizes are read automatically)`);
  return (
    <figure className="my-8">
      {/* A plain <img>: the illustrations are SVGs served as they are, and next/image would
          only add its client component to every article. Width and height keep layout stable. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={src}
        alt={alt}
        width={size.width}
        height={size.height}
        loading="lazy"
        decoding="async"
        className="h-auto w-full rounded-xl"
      />
      <figcaption className="mt-2 text-sm text-ink-muted">{caption}</figcaption>
    </figure>
  );
}
