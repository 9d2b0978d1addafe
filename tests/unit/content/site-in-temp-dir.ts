import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";

const fixtures = path.join(__dirname, "fixtures", "valid");

/**
 * Runs the suite as a server would in a copy of the valid fixtures: content/
 * under a temporary working directory, SQLite in its data/, and a fake clock
 * for Date only. Returns the directory, known once the suite has started.
 * The modules under test must be imported after that, inside the tests.
 */
export function siteInTempDir(prefix: string): () => string {
  let root = "";
  const cwd = process.cwd();
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), prefix));
    cpSync(fixtures, path.join(root, "content"), { recursive: true });
    process.chdir(root);
    vi.stubEnv("DATA_DIR", path.join(root, "data"));
    vi.stubEnv("DATABASE_URL", "");
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterAll(async () => {
    const { closeDb } = await import("@/lib/db/client");
    await closeDb();
    vi.useRealTimers();
    vi.unstubAllEnvs();
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });
  return () => root;
}
