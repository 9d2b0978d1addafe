import { readFileSync } from "node:fs";

/*
 * The Dockerfile read into its stages, enough for the tests that hold it to
 * its promises: tests/unit/deploy/image-files.test.ts reads what it says, and
 * tests/e2e/standalone.spec.ts copies what its runtime stage copies, so the
 * journeys follow the Dockerfile instead of a list of their own.
 */
export type Instruction = { keyword: string; args: string };
export type Stage = { image: string; name: string; instructions: Instruction[] };
export type StageCopy = { from: string; sources: string[]; destination: string; chown?: string };

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  // A line ending in a backslash goes on; comments inside a continued RUN are dropped, as Docker does.
  const lines = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n");
  for (const line of lines) {
    const match = /^\s*(\w+)\s+(.*\S)\s*$/.exec(line);
    if (!match) continue;
    const keyword = (match[1] ?? "").toUpperCase();
    const args = match[2] ?? "";
    if (keyword === "FROM") {
      const [image = "", , name = `${stages.length}`] = args.split(/\s+/);
      stages.push({ image, name, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile: ${keyword} before the first FROM`);
      stage.instructions.push({ keyword, args: args.replace(/\s+/g, " ") });
    }
  }
  return stages;
}

export function readDockerfile(file = "Dockerfile"): Stage[] {
  return parseDockerfile(readFileSync(file, "utf8"));
}

/** The last stage: what the image is. */
export function runtimeStage(stages: Stage[]): Stage {
  const stage = stages.at(-1);
  if (!stage) throw new Error("Dockerfile: no FROM");
  return stage;
}

export function stageValues(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** The stage's WORKDIR at the end (the one its relative paths are under). */
export function workdir(stage: Stage): string {
  return stageValues(stage, "WORKDIR").at(-1) ?? "/";
}

/** `COPY --from=<stage> <source>… <destination>` lines of a stage, in order. */
export function copiesFromStages(stage: Stage): StageCopy[] {
  return stageValues(stage, "COPY").flatMap((args) => {
    const words = args.split(" ");
    const flags = new Map(
      words
        .filter((word) => word.startsWith("--"))
        .map((word) => word.slice(2).split("=") as [string, string]),
    );
    const paths = words.filter((word) => !word.startsWith("--"));
    const from = flags.get("from");
    const destination = paths.pop();
    if (!from || !destination) return [];
    return [{ from, sources: paths, destination, chown: flags.get("chown") }];
  });
}
