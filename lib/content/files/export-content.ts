import "server-only";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from "yaml";
import type { Database } from "@/lib/db/types";
import { CLINIC_FILE, CONTENT_DIR } from "./paths";
import { loadSite, revisionSource } from "../site/site";

/*
 * `npm run content:export`: the pages and clinic details published in the
 * browser, written back into content/ so developers can commit them. Files
 * are formatted as Prettier would, and clinic.yaml is updated value by value
 * in its parsed document, so its comments, key order and quoting stay.
 * A page that changed in both places is left alone: overwriting it would
 * throw away the deployed file's change before staff chose between them.
 */

export type Format = (text: string, file: string) => Promise<string>;

export interface ExportReport {
  /** Files written, relative to the content folder. */
  written: string[];
  /** Files that already said the same. */
  unchanged: string[];
  /** Pages not written, each with why. */
  skipped: { file: string; reason: string }[];
}

/** Prettier with the project's settings, loaded only when exporting (a development tool). */
export const formatWithPrettier: Format = async (text, file) => {
  const prettier = await import("prettier");
  const options = await prettier.resolveConfig(file);
  return prettier.format(text, { ...options, filepath: file });
};

export async function exportContent(
  db: Kysely<Database>,
  options: { dir?: string; format?: Format } = {},
): Promise<ExportReport> {
  const dir = options.dir ?? CONTENT_DIR;
  const format = options.format ?? formatWithPrettier;
  const site = await loadSite(db, { dir, includeDrafts: true });
  const report: ExportReport = { written: [], unchanged: [], skipped: [] };

  const root = path.resolve(/*turbopackIgnore: true*/ dir);
  const write = async (name: string, text: string) => {
    const file = path.resolve(/*turbopackIgnore: true*/ root, name);
    // Every path is resolved and must name a file directly in content/, whatever the name says.
    if (path.dirname(file) !== root) throw new Error(`${name} is not a file in ${root}`);
    const formatted = await format(text, file);
    if (existsSync(file) && readFileSync(file, "utf8") === formatted) report.unchanged.push(name);
    else {
      writeFileSync(file, formatted);
      report.written.push(name);
    }
  };

  for (const page of site.pages) {
    const name = `${page.slug || "index"}.mdx`;
    const revision = page.revision;
    // No revision, or "back to content/": the file is already what the site shows.
    if (!revision || revision.action === "file") continue;
    if (revision.action === "delete") {
      if (page.file)
        report.skipped.push({
          file: name,
          reason:
            "deleted in the browser, but the file is there: delete it by hand if it should go",
        });
      continue;
    }
    const outside = path.dirname(path.resolve(/*turbopackIgnore: true*/ root, name)) !== root;
    if (page.addressProblem || outside) {
      report.skipped.push({
        file: name,
        reason: `not written: ${page.addressProblem ?? "The address leads outside content/"}. Delete the page stored at ${JSON.stringify(page.slug)} under /staff/content`,
      });
      continue;
    }
    if (page.conflict) {
      report.skipped.push({
        file: name,
        reason: "changed in both places: choose which to keep under /staff/content first",
      });
      continue;
    }
    await write(name, revisionSource(revision));
  }

  if (site.clinicRevision) {
    if (site.clinicConflict) {
      report.skipped.push({
        file: CLINIC_FILE,
        reason: "changed in both places: choose which to keep in the staff area first",
      });
    } else {
      const clinic: unknown = JSON.parse(site.clinicRevision.clinic);
      await write(CLINIC_FILE, updateYaml(site.clinicFile.source, clinic));
    }
  }
  return report;
}

interface Changes {
  /** Scalars from the file whose value changed. */
  scalars: Scalar[];
  /** A key or list item was added or removed, or a value changed shape. */
  structural: boolean;
}

/**
 * YAML text with new values, changed only where they differ: a changed value
 * is replaced where it stands (a phone number, an opening time), and a
 * top-level entry whose shape changed (a row of opening hours added) is
 * printed again from its updated node, which keeps its comments and quoting.
 * Every other line stays byte for byte.
 */
export function updateYaml(source: string, value: unknown): string {
  const doc = parseDocument(source);
  const root = doc.contents;
  const sameKeys =
    isMap(root) &&
    isRecord(value) &&
    root.items.length === Object.keys(value).length &&
    root.items.every((pair) => isScalar(pair.key) && String(pair.key.value) in value);
  if (!sameKeys) {
    // Keys added or removed at the top: print the whole updated document.
    doc.contents = updateInPlace(doc, root, value, { scalars: [], structural: false }) as never;
    return doc.toString({ flowCollectionPadding: false });
  }
  const edits: { start: number; end: number; text: string }[] = [];
  for (const pair of root.items) {
    const key = String((pair.key as Scalar).value);
    const changes: Changes = { scalars: [], structural: false };
    const before = pair.value as Scalar | undefined;
    pair.value = updateInPlace(doc, pair.value, value[key], changes) as typeof pair.value;
    const keyRange = (pair.key as Scalar).range;
    if (changes.structural && keyRange && before?.range) {
      const entry = new Document({});
      (entry.contents as unknown as { items: unknown[] }).items.push(pair);
      const end = before.range[2];
      const text = entry.toString({ flowCollectionPadding: false });
      edits.push({
        start: keyRange[0],
        end,
        text: source[end - 1] === "\n" ? text : text.trimEnd(),
      });
    } else {
      for (const node of changes.scalars) {
        if (node.range)
          edits.push({
            start: node.range[0],
            end: node.range[1],
            text: scalarText(node, source, node.range[0]),
          });
      }
    }
  }
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

/** A scalar written on its own, indented for where it stands in the file. */
function scalarText(node: Scalar, source: string, start: number): string {
  const block = node.type === "BLOCK_FOLDED" || node.type === "BLOCK_LITERAL";
  if (!block) return new Document(node).toString({ lineWidth: 0 }).trimEnd();
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const indent = " ".repeat((/^ */.exec(source.slice(lineStart))?.[0].length ?? 0) + 2);
  const [header, ...lines] = new Document(node)
    .toString({ lineWidth: 80 - indent.length })
    .trimEnd()
    .split("\n");
  return `${header}\n${lines.map((line) => (line ? indent + line : line)).join("\n")}\n`;
}

/**
 * Gives `node` the value `value`, changing only what differs: maps key by key,
 * lists item by item (a new item copies its neighbour's style), scalars in
 * place so their quoting and block style stay. Returns the node to keep.
 */
function updateInPlace(doc: Document, node: unknown, value: unknown, changes: Changes): unknown {
  if (isMap(node) && isRecord(value)) {
    const kept = node.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) in value);
    if (kept.length !== node.items.length) changes.structural = true;
    node.items = kept;
    for (const [key, item] of Object.entries(value)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair) pair.value = updateInPlace(doc, pair.value, item, changes);
      else {
        node.set(key, doc.createNode(item));
        changes.structural = true;
      }
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    if (node.items.length !== value.length) changes.structural = true;
    const template = node.items.at(-1);
    node.items = value.map((item, index) => {
      const existing = node.items[index];
      if (existing !== undefined) return updateInPlace(doc, existing, item, changes);
      const copy = isMap(template) || isSeq(template) ? template.clone() : undefined;
      if (copy) copy.commentBefore = copy.comment = undefined;
      return updateInPlace(doc, copy, item, changes);
    });
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== "object")) {
    if (node.value !== value) {
      node.value = value;
      changes.scalars.push(node);
    }
    return node;
  }
  changes.structural = true;
  return doc.createNode(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
