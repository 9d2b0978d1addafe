import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The team's seed-overlap tool lists sentences copied from the seed article and
 * words health copy must avoid. It lives in the shared folder beside the
 * repository (../shared), in a checkout and in CI alike.
 */
const root = path.resolve(__dirname, "../../..");
const tool = path.resolve(root, "..", "shared", "tools", "seed-overlap.mjs");

describe("health copy", () => {
  it("copies no sentence from the seed article and uses none of the words to avoid", () => {
    expect(
      existsSync(tool),
      `${tool} is missing: put the shared folder beside the repository`,
    ).toBe(true);
    const run = spawnSync(process.execPath, [tool, root], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
