import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The client/server boundary, checked as code rather than kept as a habit.
 * Article pages ship no JavaScript of their own, so "use client" is allowed only
 * in a few places; nothing a client file loads may reach a module marked
 * server-only (the database, secrets, mail, the file system); and every module
 * that touches those says so with `import "server-only"`.
 */
const ALLOWED_CLIENT = [
  /^components\/consultation\//,
  /^components\/staff\//,
  /^app\/(global-)?error\.tsx$/,
];
/** The folder the browser may load from lib/: pure code, no server imports. */
const BROWSER_SAFE = /^lib\/validations\//;
const SERVER_PACKAGES =
  /^(node:|fs$|path$|crypto$|better-sqlite3$|pg$|nodemailer$|kysely$|next\/headers$|server-only$)/;
const TOUCHES_SERVER =
  /^(node:fs|node:crypto|better-sqlite3$|pg$|nodemailer$|next\/headers$|@\/lib\/db\/client$|@\/lib\/secrets$|@\/lib\/env$)/;

const root = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) yield* sourceFiles(rel);
    else if (/\.(tsx?|mdx)$/.test(name)) yield rel;
  }
}

const allFiles = ["app", "components", "lib", "content"].flatMap((dir) => [...sourceFiles(dir)]);
const isClient = (file: string) => /^\s*["']use client["']/m.test(read(file));
const isServerAction = (file: string) => /^\s*["']use server["']/m.test(read(file));
const isMarked = (file: string) => /^import "server-only";$/m.test(read(file));

/** What a file loads at run time: type-only imports are erased, so they do not count. */
function valueImports(source: string): string[] {
  const found: string[] = [];
  const statement =
    /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']|^import\s+["']([^"']+)["']/gm;
  for (const match of source.matchAll(statement)) {
    if (match[4]) found.push(match[4]);
    else if (!match[1] && match[3]) {
      const names = match[2] ?? "";
      const braces = names.match(/^\{([\s\S]*)\}$/);
      const allTypes = braces?.[1]?.split(",").every((n) => /^\s*(type\s|$)/.test(n));
      if (!allTypes) found.push(match[3]);
    }
  }
  return found;
}

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile())
      return candidate;
  }
  return null;
}

/** The server-only modules and packages a file reaches through what it loads, with the path there. */
function serverReach(start: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A client imports a server action as a reference: its body never reaches the browser.
    if (trail.length > 0 && isServerAction(file)) return;
    if (/\.json$/.test(file)) return;
    for (const specifier of valueImports(read(file))) {
      if (SERVER_PACKAGES.test(specifier)) {
        problems.push([...trail, file, specifier].join(" -> "));
        continue;
      }
      const next = resolve(file, specifier);
      if (next) visit(next, [...trail, file]);
    }
  };
  visit(start, []);
  return problems;
}

describe("client JavaScript boundaries", () => {
  it('uses "use client" only in the form, the staff UI and the error boundary', () => {
    const offenders = allFiles
      .filter(isClient)
      .filter((file) => !ALLOWED_CLIENT.some((rule) => rule.test(file)));
    expect(offenders).toEqual([]);
  });

  it('says "use client" in every file that uses a client-only React hook', () => {
    // useId and use also run in Server Components, so they do not count.
    const hookImport =
      /import\s*\{[^}]*\buse(State|Effect|LayoutEffect|InsertionEffect|Ref|Reducer|Context|ActionState|SyncExternalStore|Transition|Optimistic|DeferredValue|ImperativeHandle|FormStatus)\b[^}]*\}\s*from\s*["']react(-dom)?["']/;
    const offenders = allFiles.filter((file) => hookImport.test(read(file)) && !isClient(file));
    expect(offenders).toEqual([]);
  });

  it("never lets a client file load a server-only module, even through other files", () => {
    const offenders = allFiles.filter(isClient).flatMap(serverReach);
    expect(offenders).toEqual([]);
  });

  it("keeps what the browser loads out of folders that hold server code", () => {
    const loaded = new Set<string>();
    const collect = (file: string) => {
      if (loaded.has(file) || isServerAction(file) || /\.json$/.test(file)) return;
      loaded.add(file);
      for (const specifier of valueImports(read(file))) {
        const next = resolve(file, specifier);
        if (next) collect(next);
      }
    };
    allFiles.filter(isClient).forEach(collect);
    // app/ is laid out by Next.js: an error boundary must sit beside the pages it guards.
    const folders = new Set(
      [...loaded].map((file) => path.dirname(file)).filter((dir) => !dir.startsWith("app")),
    );
    const offenders = allFiles
      .filter((file) => folders.has(path.dirname(file)) && serverReach(file).length > 0)
      .map(
        (file) =>
          `${file} sits beside ${[...loaded].find((l) => path.dirname(l) === path.dirname(file))}`,
      );
    expect(offenders).toEqual([]);
  });

  it("would notice a client file that did", () => {
    // The same walk from a server page finds the database, so an empty result above means something.
    expect(serverReach("app/staff/page.tsx").join("\n")).toMatch(/server-only/);
    expect(serverReach("components/clinic/red-flags.tsx").join("\n")).toMatch(/server-only/);
  });

  it('marks every module that touches the database, secrets, mail or files "server-only"', () => {
    const offenders = allFiles
      .filter((file) => file.startsWith("lib/") && !BROWSER_SAFE.test(file))
      .filter(
        (file) =>
          (/^lib\/(db|mail)\//.test(file) && file !== "lib/db/types.ts") ||
          valueImports(read(file)).some((specifier) => TOUCHES_SERVER.test(specifier)),
      )
      .filter((file) => !isMarked(file));
    expect(offenders).toEqual([]);
  });

  it("keeps the browser-safe folder free of anything but zod and its own files", () => {
    const offenders = allFiles
      .filter((file) => BROWSER_SAFE.test(file))
      .flatMap((file) =>
        valueImports(read(file))
          .filter((specifier) => specifier !== "zod" && !specifier.startsWith("./"))
          .map((specifier) => `${file} -> ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });
});
