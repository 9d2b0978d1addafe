// @vitest-environment jsdom
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitSource } from "@/lib/content/mdx/page-source";
import { blockKeys, keepUnchangedBlocks } from "@/lib/content/visual/keep-blocks";
import { throughEditor } from "./through-editor";

/*
 * Opening a page in the visual editor and saving it unchanged gives back the
 * same text, for every page in content/: the editor (MDXEditor on Lexical,
 * run here in jsdom exactly as in the browser) keeps the meaning of every
 * block, and keepUnchangedBlocks gives each its original spelling.
 */
const CONTENT = path.resolve(__dirname, "../../../content");
const files = readdirSync(CONTENT).filter((f) => f.endsWith(".mdx"));

describe("the visual editor's round trip", () => {
  it("reads every content file", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)(
    "%s: every block keeps its meaning, and the saved text is the file's",
    async (file) => {
      const { body } = splitSource(readFileSync(path.join(CONTENT, file), "utf8"));
      const { out: exported, errors } = await throughEditor(body);
      expect(errors).toEqual([]);
      expect(blockKeys(exported)).toEqual(blockKeys(body));
      expect(keepUnchangedBlocks(body, exported)).toBe(body);
    },
  );

  it("keeps untouched blocks' spelling when one block changes", async () => {
    const body = readFileSync(path.join(CONTENT, "tips.mdx"), "utf8");
    const { body: text } = splitSource(body);
    const { out: exported } = await throughEditor(text);
    const edited = exported.replace("Eat and drink as usual", "Eat and drink as you usually do");
    const saved = keepUnchangedBlocks(text, edited);
    expect(saved).toBe(text.replace("Eat and drink as usual", "Eat and drink as you usually do"));
  });
});
