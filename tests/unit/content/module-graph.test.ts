import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * lib/content is grouped by concern (mdx/, checks/, files/, site/, images/)
 * and its modules must not import each other in a circle: a circle makes
 * load order decide what a module sees, the way clinic.ts → live-content.ts →
 * load-content.ts → clinic.ts once did.
 */
const ROOT = path.join(process.cwd(), "lib", "content");

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modules(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/^(?:import|export)[^"']*["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    let target: string | undefined;
    if (spec.startsWith("@/lib/content/")) target = path.join(process.cwd(), spec.slice(2));
    else if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
    if (!target) return [];
    const found = [".ts", ".tsx"].map((ext) => target + ext).find((f) => all.includes(f));
    return found ? [found] : [];
  });
}

const all = modules(ROOT);

describe("lib/content's modules", () => {
  it("are grouped in folders, with only the shared types at the top", () => {
    const top = all.filter((file) => path.dirname(file) === ROOT).map((f) => path.basename(f));
    expect(top).toEqual(["types.ts"]);
  });

  it("import each other without a circle", () => {
    const graph = new Map(all.map((file) => [file, importsOf(file)]));
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        const loop = trail.slice(trail.indexOf(file)).concat(file);
        cycles.push(loop.map((f) => path.relative(ROOT, f)).join(" → "));
        return;
      }
      state.set(file, "visiting");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of all) visit(file, []);
    expect(cycles).toEqual([]);
    // The check sees real edges: the site loader reads the checker.
    expect(graph.get(path.join(ROOT, "site", "site.ts"))).toContain(
      path.join(ROOT, "checks", "check-content.ts"),
    );
  });
});
