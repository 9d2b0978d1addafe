import { describe, expect, it } from "vitest";
import { checkEditorValues } from "@/lib/staff/editor-checks";
import { readEditorForm } from "@/lib/staff/editor-form";
import { loadSite } from "@/lib/content/site/site";
import bodyLimit from "@/lib/validations/body-limit.json";
import { EDITOR_FIELDS, type EditorState } from "@/lib/validations/editor-state";
import { postedSize, withPreviousAnswer } from "../../shared/no-js-post";
import { BODY_HARD_MAX, BODY_MAX, BODY_PROBLEMS_SHOWN } from "@/lib/validations/page-body";

/*
 * Next.js refuses a server action body over the limit before our code runs:
 * the editor then answered a bare "Internal Server Error" and the text was
 * lost (past about 31,400 characters without JavaScript). The largest post a
 * browser can make must fit, with the previous answer React writes into it.
 */

// Three bytes in UTF-8 for one UTF-16 unit (what maxlength counts): the most per unit.
const longest = (n: number) => "€".repeat(n);

function editorForm(body: string, previous: EditorState): FormData {
  const form = new FormData();
  for (const key of EDITOR_FIELDS) form.set(key, longest(1000));
  form.set("slug", longest(100));
  form.set("isNew", "0");
  form.set("parentId", "12345678");
  form.set("baseHash", "f".repeat(64));
  form.set("note", longest(500));
  form.set("intent", "publish");
  form.set("body", body);
  return withPreviousAnswer(form, previous);
}

describe("the largest page a browser can post", () => {
  it("is refused past the stated limit with a message naming it, and the text kept whole", async () => {
    const site = await loadSite(undefined);
    const values = readEditorForm(editorForm(longest(BODY_HARD_MAX + 10), { answer: 0 } as never));
    expect(values.body.length).toBe(BODY_HARD_MAX);
    const check = await checkEditorValues(values, site);
    expect(check.bodyProblems).toEqual([
      "The text is 240,000 characters: a page can have at most 200,000. Shorten it, or split it into two pages and link them. Your text is kept.",
    ]);
    const fits = await checkEditorValues({ ...values, body: "a".repeat(BODY_MAX) }, site);
    expect(fits.bodyProblems.join()).not.toMatch(/at most/);
  });

  it("lists a bounded number of problems, as they travel back in the answer", async () => {
    const site = await loadSite(undefined);
    const values = readEditorForm(
      editorForm("[x](/nowhere)\n\n".repeat(500), { answer: 0 } as never),
    );
    const check = await checkEditorValues(values, site);
    expect(check.bodyProblems).toHaveLength(BODY_PROBLEMS_SHOWN + 1);
    expect(check.bodyProblems.at(-1)).toMatch(/and \d+ more problems/);
  });

  it("fits the server action body limit, carrying its previous answer back", async () => {
    const first = editorForm(longest(BODY_HARD_MAX), { answer: 0 } as never);
    const values = readEditorForm(first);
    const answer: EditorState = {
      values,
      fieldErrors: Object.fromEntries(EDITOR_FIELDS.map((key) => [key, longest(200)])),
      bodyProblems: Array.from({ length: BODY_PROBLEMS_SHOWN + 1 }, () => longest(300)),
      formError: longest(400),
      answer: 1,
    };
    const second = editorForm(values.body, answer);
    expect(await postedSize(second)).toBeGreaterThan(2 * 3 * BODY_HARD_MAX);
    expect(await postedSize(second)).toBeLessThan(bodyLimit.kilobytes * 1024);
  });
});
