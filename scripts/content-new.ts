/*
 * `npm run content:new -- "Title"`: creates content/<slug>.mdx as a draft with
 * valid frontmatter and today's review date, and never overwrites a file.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newEntrySource, slugFromTitle } from "@/lib/content/files/new-entry";
import { CONTENT_DIR } from "@/lib/content/files/paths";

const title = process.argv.slice(2).join(" ").trim();
if (!title) {
  console.error('Give the page title: npm run content:new -- "Sleeping with back pain"');
  process.exit(1);
}
const slug = slugFromTitle(title);
if (!slug) {
  console.error(
    `"${title}" has no letters or digits to make an address from: choose another title.`,
  );
  process.exit(1);
}
const file = path.join(CONTENT_DIR, `${slug}.mdx`);
if (existsSync(file)) {
  console.error(`content/${slug}.mdx already exists: edit it, or choose another title.`);
  process.exit(1);
}
writeFileSync(file, newEntrySource(title, new Date().toISOString().slice(0, 10)));
console.log(`Created content/${slug}.mdx (a draft, at /${slug} in npm run dev).`);
console.log("Edit it, remove `draft: true` when it is ready, then run npm run content:check.");
