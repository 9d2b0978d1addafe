import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/checks/check-content";

/* What the health-content guide asks every reader to be told, checked in the files staff edit. */
const read = (slug: string) =>
  readFileSync(path.join(process.cwd(), "content", `${slug}.mdx`), "utf8");
const report = checkContent({ now: new Date("2026-11-26T12:00:00Z") });

describe("health copy", () => {
  it("gives the same driving advice in Tips and What to expect", () => {
    const driving = (text: string) => text.split("\n").filter((line) => /\bdriv/i.test(line));
    expect(driving(read("tips"))).toEqual(driving(read("what-to-expect")));
    expect(driving(read("tips"))).toHaveLength(1);
  });

  it("names every side effect and every check before treatment", () => {
    const benefits = read("benefits");
    for (const phrase of [
      /feeling sick/,
      /pain feeling worse for a short time/,
      /punctured lung[^.]*\. It is very rare/,
      /blood thinners[^*]*\.\*\* Please talk to your doctor before/,
      /pacemaker or another implanted device[^*]*\.\*\* Electroacupuncture[^.]* must not be used\. <Electroacupuncture \/>/,
      /metal allergy/,
      /skin infection/,
    ]) {
      expect(benefits).toMatch(phrase);
    }
  });

  it("says months, not weeks or months, about whom the evidence covers", () => {
    for (const entry of report.entries) {
      expect(read(entry.slug || "index"), entry.file).not.toMatch(/weeks or months/);
    }
  });

  it("keeps after-care levels apart: breathlessness is an emergency, a sore needle site a doctor", () => {
    const afterCare = read("what-to-expect");
    expect(afterCare).toMatch(
      /\*\*Call <EmergencyNumber \/> now\*\* if you become breathless or have chest pain/,
    );
    expect(afterCare).toMatch(
      /\*\*See a doctor\*\* if a place where a needle went in becomes red, hot, swollen or weeping/,
    );
  });

  it("cites sources on every article that talks about research, and keeps titles short", () => {
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    for (const slug of ["benefits", "how-it-works", "is-it-right-for-you"]) {
      const entry = report.entries.find((e) => e.slug === slug);
      expect(entry?.frontmatter.sources?.length, slug).toBeGreaterThan(0);
    }
    expect(report.entries.find((e) => e.slug === "benefits")?.frontmatter.sources).toEqual([
      "cochrane-2020",
      "acp-2017",
      "nice-ng59",
    ]);
  });
});
