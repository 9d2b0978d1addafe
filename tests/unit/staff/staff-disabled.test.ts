import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import StaffPage from "@/app/staff/page";
import { resetEnvCache } from "@/lib/env";

describe("the staff area without STAFF_PASSWORD", () => {
  beforeEach(() => {
    delete process.env.STAFF_PASSWORD;
    resetEnvCache();
  });
  afterEach(() => resetEnvCache());

  it("says it is off and how to turn it on, without a sign-in form", async () => {
    const html = renderToStaticMarkup(await StaffPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("The staff area is off");
    expect(html).toContain("STAFF_PASSWORD");
    expect(html).not.toContain("<form");
  });
});
