import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/checks/check-content";
import { checkDraft, frontmatterToFields } from "@/lib/content/checks/page-draft";

/*
 * The slips a non-coder makes in the page text are named with their line and
 * the fix in plain words, not only the MDX reader's grammar.
 */
const { entries } = checkContent();
const fields = frontmatterToFields({
  title: "A page",
  description: "About it.",
  lastReviewed: "2026-11-01",
});
const context = { entries, isNew: true, existingSlugs: new Set<string>() };
const problems = (body: string) =>
  checkDraft({ slug: "a-page", fields, body }, context).bodyProblems;

describe("common slips in the page text", () => {
  it("curly quotes around a value", () => {
    expect(problems("Intro.\n\n<Callout type=“note”>\n\nHi\n\n</Callout>")).toEqual([
      expect.stringMatching(
        /^The text could not be read \(line 3, column 15\): put the value in straight double quotes, like type="note"/,
      ),
    ]);
  });

  it("<br> without its slash", () => {
    expect(problems("First line<br>second line")).toEqual([
      expect.stringMatching(
        /\(line 1, column 1\): write <br \/> with the slash, or start a new paragraph/,
      ),
    ]);
  });

  it("a component that is never closed, or closed in the wrong place", () => {
    expect(problems('Intro.\n\n<Callout type="note">\n\nHi')).toEqual([
      expect.stringMatching(
        /\(line 3, column 1\): <Callout> is not closed: add <\/Callout> on its own line/,
      ),
    ]);
    expect(problems('<Faq>\n<Question q="Why?">\n\nBecause.\n\n</Faq>')).toEqual([
      expect.stringMatching(
        /\(line 6, column 1\): <Question> is not closed: add <\/Question> before <\/Faq>/,
      ),
    ]);
  });

  it("a typed • bullet", () => {
    expect(problems("Bring:\n\n• your medicines\n• a towel")).toEqual([
      'Line 3: Markdown lists start with "- ", not "•": replace • with - and a space',
      'Line 4: Markdown lists start with "- ", not "•": replace • with - and a space',
    ]);
  });
});
