import Image from "next/image";
import { svgSize } from "@/lib/content/image-size";

interface FigureProps {
  src: string;
  alt: string;
  caption: string;
  /** Numbers or numeric strings: staff may write width="1200" in MDX. */
  width?: number | string;
  height?: number | string;
}

export function Figure({ src, alt, caption, width, height }: FigureProps) {
  const size = width && height ? { width: Number(width), height: Number(height) } : svgSize(src);
  if (!size)
    throw new Error(`Figure ${src} needs width and height (only SVG sizes are read automatically)`);
  return (
    <figure className="my-8">
      <Image
        src={src}
        alt={alt}
        width={size.width}
        height={size.height}
        sizes="(min-width: 768px) 680px, 100vw"
        className="h-auto w-full rounded-xl"
      />
      <figcaption className="mt-2 text-sm text-ink-muted">{caption}</figcaption>
    </figure>
  );
}
