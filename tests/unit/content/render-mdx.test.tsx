import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { analyseMdx } from "@/lib/content/mdx/mdx-analysis";
import { findUnsafeMdx, parseMdx } from "@/lib/content/mdx/mdx-safety";
import { renderMdx, UnsafeMdxError } from "@/lib/content/mdx/render-mdx";
import { CONTENT_DIR } from "@/lib/content/files/paths";
import { useMDXComponents } from "@/mdx-components";
import { renderHtml } from "../render-html";

const page = (body: string) => `---\ntitle: T\n---\n\n${body}\n`;
const html = (body: string) =>
  renderToStaticMarkup(
    renderMdx(page(body), {
      Callout: ({ children, title }: { children?: React.ReactNode; title?: string }) => (
        <aside data-title={title}>{children}</aside>
      ),
    }),
  );
const problems = (body: string) => findUnsafeMdx(parseMdx(page(body))).map((u) => u.message);

describe("rendering page text without running it", () => {
  it("renders Markdown, GFM and allowed components, with heading ids as the table of contents has them", () => {
    const out = html(
      '## Before you come\n\nSome **bold** text.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<Callout title="Hi">\n\nInside.\n\n</Callout>',
    );
    expect(out).toContain('<h2 id="before-you-come">Before you come</h2>');
    expect(out).toContain("<strong>bold</strong>");
    expect(out).toContain("<table>");
    expect(out).toContain('<aside data-title="Hi"><p>Inside.</p></aside>');
    expect(out).not.toContain("title: T");
  });

  it("drops editors' {/* notes */} and keeps escaped braces as text", () => {
    const out = html("Visible {/* a private note */} text, and \\{ braces \\}.");
    expect(out).toContain("Visible  text, and { braces }.");
    expect(out).not.toContain("private note");
  });

  it.each([
    [
      "import",
      'import x from "y"\n\nHello',
      /import and export are not allowed \(line 5, column 1\)/,
    ],
    ["export", "export const a = 1\n\nHello", /import and export are not allowed/],
    ["an expression", "Two is {1 + 1}.", /curly braces \{ \} run code.*\(line 5, column 8\)/],
    ["a flow expression", "{alert(1)}", /curly braces/],
    [
      "an attribute expression",
      '<Callout title={"x"}>\n\nHi\n\n</Callout>',
      /attribute title uses \{…\}/,
    ],
    [
      "a spread attribute",
      "<Callout {...props}>\n\nHi\n\n</Callout>",
      /has \{…\} among its attributes/,
    ],
    ["<script>", "<script>alert(1)</script>", /the HTML tag <script> is not allowed/],
    ["<iframe>", '<iframe src="https://example.com" />', /the HTML tag <iframe> is not allowed/],
    [
      "an on… attribute",
      '<abbr onClick="x" title="t">a</abbr>',
      /attribute onClick is not allowed/,
    ],
    [
      "a style attribute",
      '<Callout style="x">\n\nHi\n\n</Callout>',
      /attribute style is not allowed/,
    ],
    [
      "a javascript: link",
      "[click](javascript:alert(1))",
      /"javascript:alert\(1\)" is not allowed/,
    ],
    [
      "a javascript: href",
      '<Callout href="javascript:alert(1)">\n\nHi\n\n</Callout>',
      /href "javascript:alert\(1\)" is not allowed/,
    ],
    [
      "a data: image",
      "![x](data:text/html;base64,AAAA)",
      /"data:text\/html;base64,AAAA" is not allowed/,
    ],
    [
      "an unknown component",
      "<Callot>\n\nHi\n\n</Callot>",
      /unknown component <Callot> \(line 5, column 1\) \(did you mean Callout\?\)/,
    ],
    ["a member component", "<a.b>hi</a.b>", /is not allowed/],
  ])("refuses %s with where it is and what to do", (_, body, message) => {
    expect(problems(body).join("\n")).toMatch(message);
    expect(() => html(body)).toThrow(UnsafeMdxError);
  });

  it("allows plain inline HTML with only a title", () => {
    expect(problems('<abbr title="low back pain">LBP</abbr> and line<br />break')).toEqual([]);
    expect(html('<abbr title="low back pain">LBP</abbr>')).toContain(
      '<abbr title="low back pain">LBP</abbr>',
    );
  });

  it("renders without eval or new Function", () => {
    const forbidden = () => {
      throw new Error("code was evaluated");
    };
    vi.stubGlobal("eval", forbidden);
    vi.stubGlobal("Function", forbidden);
    try {
      expect(html('## Hi\n\n<Callout title="x">\n\nA [link](/benefits).\n\n</Callout>')).toContain(
        'href="/benefits"',
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("every page in content/", () => {
  const files = readdirSync(CONTENT_DIR).filter((f) => f.endsWith(".mdx"));
  const components = useMDXComponents({});

  it.each(files)(
    "%s renders through the one path, its headings matching the table of contents",
    async (file) => {
      const source = readFileSync(path.join(CONTENT_DIR, file), "utf8");
      const out = await renderHtml(renderMdx(source, components as never));
      expect(out.length).toBeGreaterThan(100);
      for (const heading of analyseMdx(source).headings.filter((h) => h.depth === 2)) {
        expect(out).toContain(`id="${heading.id}"`);
      }
    },
  );
});
