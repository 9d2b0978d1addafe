import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/checks/check-content";
import { newEntrySource, slugFromTitle } from "@/lib/content/files/new-entry";

describe("content:new", () => {
  it("makes a kebab-case address from any title", () => {
    expect(slugFromTitle("Sleeping well with back pain")).toBe("sleeping-well-with-back-pain");
    expect(slugFromTitle("Ça va? Posture & desks")).toBe("ca-va-posture--desks");
  });

  it("writes a draft that passes content:check with today's review date", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "content-new-"));
    copyFileSync(path.join(process.cwd(), "content", "clinic.yaml"), path.join(dir, "clinic.yaml"));
    writeFileSync(path.join(dir, "posture.mdx"), newEntrySource('Posture "at work"', "2026-11-25"));
    const report = checkContent({ dir, includeDrafts: true, now: new Date("2026-11-25") });
    expect(report.errors).toEqual([]);
    expect(report.entries[0]?.frontmatter).toMatchObject({
      title: 'Posture "at work"',
      lastReviewed: "2026-11-25",
      draft: true,
    });
  });
});
