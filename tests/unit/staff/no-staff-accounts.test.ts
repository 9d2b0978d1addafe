import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import StaffPage from "@/app/staff/page";
import { closeDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined }),
}));

describe("the staff area before any account exists", () => {
  beforeEach(() => {
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "clinic-no-accounts-"));
    // An installation upgraded from the shared password: the variable opens nothing.
    process.env.STAFF_PASSWORD = "an-old-shared-password";
    resetEnvCache();
  });
  afterEach(async () => {
    await closeDb();
    delete process.env.STAFF_PASSWORD;
    resetEnvCache();
  });

  it("says how to create the owner, without a sign-in form", async () => {
    const html = renderToStaticMarkup(await StaffPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("No staff account yet");
    expect(html).toContain("npm run staff:invite -- you@example.com --role owner");
    expect(html).toContain("no longer opens anything");
    expect(html).not.toContain("<form");
  });
});
