import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, loadContent } from "@/lib/content/checks/check-content";

const fixtures = path.join(__dirname, "fixtures");
const publicDir = path.join(fixtures, "broken-public");
const now = new Date("2026-11-25T12:00:00Z");

describe("the real content/ folder", () => {
  const report = checkContent({ now });

  it("has no problems in any file", () => {
    expect(report.errors).toEqual([]);
  });

  it("has every page the site promises", () => {
    const slugs = report.entries.map((entry) => entry.slug).sort();
    for (const slug of [
      "",
      "about",
      "benefits",
      "how-it-works",
      "is-it-right-for-you",
      "privacy",
      "tips",
      "what-to-expect",
    ]) {
      expect(slugs).toContain(slug);
    }
  });

  it("gives every page a unique description", () => {
    const descriptions = report.entries.map((entry) => entry.frontmatter.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe("broken fixtures", () => {
  const { errors } = checkContent({ dir: path.join(fixtures, "broken"), publicDir, now });
  const messages = errors.map((e) => `${e.file}: ${e.message}`);
  const about = (file: string) => messages.filter((m) => m.includes(`${file}:`));

  it("reports every problem in every file at once, naming file and field", () => {
    expect(about("missing-fields.mdx")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/missing-fields\.mdx: frontmatter title: is required/),
        expect.stringMatching(
          /missing-fields\.mdx: frontmatter description: must be at most 160 characters/,
        ),
        expect.stringMatching(
          /missing-fields\.mdx: frontmatter lastReviewed: is not a real calendar date/,
        ),
        expect.stringMatching(/missing-fields\.mdx: frontmatter navOrder: must be a whole number/),
      ]),
    );
    expect(about("no-frontmatter.mdx")).toEqual([expect.stringMatching(/has no frontmatter/)]);
    expect(about("Bad_Name.mdx")).toEqual([
      expect.stringMatching(/lower-case words joined by hyphens/),
    ]);
  });

  it("reports body problems: # headings, unknown components, links, images", () => {
    const body = about("bad-body.mdx").join("\n");
    expect(body).toMatch(/heading "# A second page title" uses #/);
    expect(body).toMatch(/unknown component <Carousel> \(line 9, column 1\)/);
    expect(body).toMatch(/link "\/benefit" \(line 11\) points at a page that does not exist/);
    expect(body).toMatch(/link "relative-link" \(line 11\) must start with \//);
    expect(body).toMatch(/image \/illustrations\/nowhere.svg \(line 13\) has no alt text/);
    expect(body).toMatch(/image \/illustrations\/nowhere.svg \(line 13\) does not exist/);
    expect(body).toMatch(/line 15: Figure alt must not be empty: describe what the image shows/);
    expect(body).toMatch(/line 15: Figure caption is still the example text/);
  });

  it("refuses a published page that links to a draft, but not the draft itself", () => {
    expect(about("links-to-draft.mdx")).toEqual([
      expect.stringMatching(/"\/secret-draft" \(line 7\) points at a draft/),
    ]);
    expect(about("secret-draft.mdx")).toEqual([]);
  });

  it("refuses a source without its year or a link, and citations it cannot find", () => {
    const sources = messages.filter((m) => m.includes("sources.yaml:")).join("\n");
    expect(sources).toMatch(/no-year\.year: is required: the year it was published/);
    expect(sources).toMatch(/no-link\.url: needs a link: give its doi/);
    expect(about("bad-sources.mdx")).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/frontmatter sources: "acp-2071" is not in content\/sources\.yaml/),
        expect.stringMatching(
          /line 8: Cite source is not in content\/sources\.yaml: .*\(you wrote "no-year"\)/,
        ),
        expect.stringMatching(/line 8: Cite source is needed: a key from content\/sources\.yaml/),
      ]),
    );
  });

  it("stops loading with one message that lists every problem", () => {
    expect(() => loadContent({ dir: path.join(fixtures, "broken"), publicDir, now })).toThrow(
      /Content has \d+ problem\(s\)[\s\S]*missing-fields\.mdx: frontmatter title[\s\S]*bad-body\.mdx/,
    );
  });

  it("names the clinic file and each bad field", () => {
    const report = checkContent({ dir: path.join(fixtures, "bad-clinic"), publicDir, now });
    const clinic = report.errors.map((e) => `${e.file}: ${e.message}`).join("\n");
    expect(clinic).toMatch(/clinic\.yaml/);
    expect(clinic).toMatch(/phone: must be a phone number/);
    expect(clinic).toMatch(/timezone: must be an IANA time zone/);
    expect(clinic).toMatch(/email: /);
  });
});

describe("valid fixtures", () => {
  const options = { dir: path.join(fixtures, "valid"), publicDir, now };

  it("loads drafts only when asked, and warns about stale reviews", () => {
    const withDrafts = checkContent({ ...options, includeDrafts: true });
    const published = checkContent({ ...options, includeDrafts: false });
    expect(withDrafts.errors).toEqual([]);
    expect(withDrafts.entries.map((e) => e.slug)).toContain("upcoming");
    expect(published.entries.map((e) => e.slug)).not.toContain("upcoming");
    expect(published.warnings).toEqual([
      {
        file: expect.stringMatching(/first\.mdx$/),
        message: expect.stringMatching(/lastReviewed 2024-01-15 is more than a year ago/),
      },
      {
        file: expect.stringMatching(/long-title\.mdx$/),
        message:
          'the page title "A heading long enough that the whole page title passes seventy | Willow Lane Acupuncture" is 88 characters, so search results will cut it (at most 70): shorten the title, or add a seoTitle of at most 44 characters',
      },
    ]);
  });

  it("lists a page's sources and knows each cited one", () => {
    const second = checkContent({ ...options, includeDrafts: false }).entries.find(
      (e) => e.slug === "second",
    );
    expect(second?.frontmatter.sources).toEqual(["example-2020"]);
  });

  it("reads sections with rehype-slug ids, FAQ items, reviewer and reading time", () => {
    const first = loadContent({ ...options, includeDrafts: false }).find((e) => e.slug === "first");
    expect(first?.sections.map((s) => s.id)).toEqual(["one", "two", "two-1"]);
    expect(first?.faq).toEqual([{ question: "Does it hurt?", answer: "Usually only a little." }]);
    expect(first?.frontmatter.lastReviewed).toBe("2024-01-15");
    expect(first?.frontmatter.reviewedBy).toBe("Jordan Ellery, L.Ac.");
    expect(first?.readingMinutes).toBe(1);
  });
});
