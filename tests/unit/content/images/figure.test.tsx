import { describe, expect, it } from "vitest";
import { renderMdx } from "@/lib/content/mdx/render-mdx";
import { useMDXComponents } from "@/mdx-components";
import { renderHtml } from "../../render-html";

const hash = "ab".repeat(32);
const figure = (src: string, alt: string, size = 'width="1600" height="1200"') =>
  `<Figure src="${src}" alt="${alt}" caption="C." ${size} />`;

describe("a Figure offers phones a small file", () => {
  // Not a React hook despite its name (see mdx-components.tsx): a plain merge.
  const components = useMDXComponents({});
  const page = (body: string) =>
    renderHtml(renderMdx(`---\ntitle: T\n---\n\n${body}\n`, components));
  it("gives an upload every width in AVIF and JPEG, for the page column, with its size", async () => {
    const html = await page(figure(`/media/${hash}-1600.jpg`, "Room"));
    const set = (ext: string, widths: number[]) =>
      widths.map((w) => `/media/${hash}-${w}.${ext} ${w}w`).join(", ");
    const sizes = 'sizes="(min-width: 48rem) 46rem, calc(100vw - 2rem)"';
    const dense = 'media="(max-width: 47.99rem) and (min-resolution: 2.5dppx)"';
    // Dense phones (3 pixels to the CSS pixel) get at most the 800-pixel copy.
    expect(html).toContain(
      `<source type="image/avif" ${dense} srcSet="${set("avif", [480, 800])}" ${sizes}/>`,
    );
    expect(html).toContain(
      `<source type="image/jpeg" ${dense} srcSet="${set("jpg", [480, 800])}" ${sizes}/>`,
    );
    expect(html).toContain(
      `<source type="image/avif" srcSet="${set("avif", [480, 800, 1200, 1600])}" ${sizes}/>`,
    );
    expect(html).toContain(`srcSet="${set("jpg", [480, 800, 1200, 1600])}"`);
    expect(html).toContain(`src="/media/${hash}-480.jpg"`);
    expect(html).toContain('width="1600" height="1200"');
    expect(html).toMatch(/<figure[^>]*><picture>/);
  });

  it("asks for the first upload from the head, as the picture will choose it", async () => {
    const html = await page(`Text.\n\n${figure(`/media/${hash}-1600.jpg`, "First")}`);
    const links = [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]);
    expect(links).toHaveLength(2);
    expect(links[0]).toContain(
      `imageSrcSet="/media/${hash}-480.avif 480w, /media/${hash}-800.avif 800w"`,
    );
    expect(links[0]).toContain('media="(max-width: 47.99rem) and (min-resolution: 2.5dppx)"');
    expect(links[1]).toContain(`/media/${hash}-1600.avif 1600w"`);
    expect(links[1]).toContain('media="not all and (max-width: 47.99rem)');
    for (const link of links) expect(link).toMatch(/fetchPriority="high"/);
  });

  it("loads the first image of a page at once and the rest when scrolled near", async () => {
    const html = await page(
      `${figure(`/media/${hash}-1600.jpg`, "First")}\n\nText.\n\n${figure(`/media/${hash}-1600.jpg`, "Second")}\n\n${figure("/illustrations/session.svg", "Third", "")}`,
    );
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(3);
    expect(imgs[0]).toMatch(/loading="eager" fetchPriority="high"/);
    expect(imgs[1]).toContain('loading="lazy"');
    expect(imgs[1]).not.toContain("fetchPriority");
    expect(imgs[2]).toContain('loading="lazy"');
  });

  it("leaves illustrations and older uploads as one plain image", async () => {
    const svg = await page(figure("/illustrations/session.svg", "Session", ""));
    expect(svg).not.toContain("<picture>");
    expect(svg).not.toContain("srcSet");
    expect(svg).toContain('src="/illustrations/session.svg"');
    const older = await page(figure(`/media/${hash}.jpg`, "Old"));
    expect(older).not.toContain("srcSet");
    expect(older).toContain(`src="/media/${hash}.jpg"`);
  });
});
