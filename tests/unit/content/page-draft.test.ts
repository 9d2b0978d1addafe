import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/checks/check-content";
import { checkDraft, draftPasses, frontmatterToFields } from "@/lib/content/checks/page-draft";

const { entries } = checkContent();
const fields = frontmatterToFields({
  title: "A page",
  description: "About it.",
  lastReviewed: "2026-11-01",
});
const context = { entries, isNew: true, existingSlugs: new Set(entries.map((e) => e.slug)) };

describe("the editor's checks, shared with content:check", () => {
  it("passes a valid page and gives its frontmatter", () => {
    const check = checkDraft(
      { slug: "a-page", fields, body: "Read [benefits](/benefits)." },
      context,
    );
    expect(draftPasses(check)).toBe(true);
    expect(check.frontmatter).toMatchObject({ title: "A page", kind: "article" });
  });

  it("places each frontmatter problem beside its field", () => {
    const check = checkDraft(
      {
        slug: "a-page",
        fields: {
          ...fields,
          title: "",
          description: "x".repeat(161),
          lastReviewed: "2026-02-30",
          navOrder: "two",
        },
        body: "Fine.",
      },
      context,
    );
    expect(check.fieldErrors).toMatchObject({
      title: "is required",
      description: expect.stringMatching(/at most 160/),
      lastReviewed: "is not a real calendar date",
      navOrder: "must be a whole number",
    });
    expect(draftPasses(check)).toBe(false);
  });

  it("gives body problems by line and column of the text area, with did-you-mean", () => {
    const check = checkDraft(
      {
        slug: "a-page",
        fields,
        body: "Intro.\n\n<Callot>\n\nHi\n\n</Callot>\n\nSee [this](/benefit).",
      },
      context,
    );
    expect(check.bodyProblems).toEqual([
      expect.stringMatching(
        /^Unknown component <Callot> \(line 3, column 1\) \(did you mean Callout\?\)/,
      ),
      expect.stringMatching(
        /Link "\/benefit" \(line 9\) points at a page that does not exist \(did you mean \/benefits\?\)/,
      ),
    ]);
  });

  it("refuses a wrong component value before preview and publish, with its line and what to write", () => {
    const check = checkDraft(
      { slug: "a-page", fields, body: 'Intro.\n\n<Callout type="tip">\n\nHi\n\n</Callout>' },
      context,
    );
    expect(check.bodyProblems).toEqual([
      'Line 3: Callout type must be "note" or "warning" (you wrote "tip")',
    ]);
    expect(draftPasses(check)).toBe(false);
  });

  it("refuses the Figure snippet's example alt text and caption", () => {
    const body =
      '<Figure src="/illustrations/session.svg" alt="Describe what the image shows" caption="A caption." />';
    const check = checkDraft({ slug: "a-page", fields, body }, context);
    expect(check.bodyProblems).toEqual([
      expect.stringMatching(
        /^Line 1: Figure alt is still the example text: describe what the image shows/,
      ),
      expect.stringMatching(/^Line 1: Figure caption is still the example text/),
    ]);
    expect(draftPasses(check)).toBe(false);
  });

  it("reports text the parser cannot read, with its place", () => {
    const check = checkDraft(
      { slug: "a-page", fields, body: "Text\n\n<Callout>\n\nunclosed" },
      context,
    );
    expect(check.bodyProblems[0]).toMatch(/could not be read \(line \d+, column \d+\)/);
  });

  it("applies the file slug rules and reserved names to new pages", () => {
    expect(checkDraft({ slug: "Bad Name", fields, body: "x" }, context).fieldErrors.slug).toMatch(
      /lower-case/,
    );
    expect(checkDraft({ slug: "staff", fields, body: "x" }, context).fieldErrors.slug).toMatch(
      /used by the site/,
    );
    expect(checkDraft({ slug: "benefits", fields, body: "x" }, context).fieldErrors.slug).toMatch(
      /already exists/,
    );
  });
});
