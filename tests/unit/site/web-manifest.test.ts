import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { BRAND_COLOURS } from "@/lib/seo/brand-colours";
import { slugProblem } from "@/lib/content/checks/slug";

// The route reads the published clinic details; here they are clinic.yaml's, with a changed name
// so the test shows the manifest follows what getClinic() says rather than the file.
vi.mock("@/lib/content/site/site", async () => {
  const { loadClinic: load } = await import("@/lib/content/files/clinic-file");
  return {
    getClinic: async () => ({ ...load(), name: "Renamed Clinic", shortName: "Renamed" }),
  };
});

const { default: manifest } = await import("@/app/manifest");

describe("the web app manifest", () => {
  it("names the clinic as the published details do, with its tagline", async () => {
    const result = await manifest();
    expect(result.name).toBe("Renamed Clinic");
    expect(result.short_name).toBe("Renamed");
    expect(result.description).toBe(loadClinic().tagline);
  });

  it("opens the home page in the browser, in the page's own colours", async () => {
    const result = await manifest();
    expect(result).toMatchObject({ start_url: "/", scope: "/", display: "browser", lang: "en" });
    expect(result.theme_color).toBe(BRAND_COLOURS.light.surface);
    expect(result.background_color).toBe(BRAND_COLOURS.light.surface);
    expect(result.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("lists only icons app/ answers, with their real sizes and types", async () => {
    const { icons = [] } = await manifest();
    expect(icons.map((icon) => icon.src)).toEqual(["/icon.svg", "/apple-icon"]);
    const app = path.join(process.cwd(), "app");
    expect(existsSync(path.join(app, "icon.svg"))).toBe(true);
    expect(existsSync(path.join(app, "apple-icon.tsx"))).toBe(true);
    expect(icons[0]).toMatchObject({ sizes: "any", type: "image/svg+xml" });
    expect(icons[1]).toMatchObject({ sizes: "180x180", type: "image/png" });
  });

  it("keeps its address from content pages", () => {
    expect(slugProblem("manifest")).toMatch(/used by the site itself/);
  });
});
