import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "@/app/global-error";
import { loadClinic } from "@/lib/content/files/clinic-file";
import nextConfig from "@/next.config";

describe("app/global-error.tsx", () => {
  it("gets the clinic's name and phone number from clinic.yaml at build time", () => {
    const clinic = loadClinic();
    expect(nextConfig.env).toMatchObject({ CLINIC_NAME: clinic.name, CLINIC_PHONE: clinic.phone });
  });

  it("is a whole page in the site's style with the phone number to call", () => {
    const clinic = loadClinic();
    process.env.CLINIC_PHONE = clinic.phone;
    process.env.CLINIC_NAME = clinic.name;
    const html = renderToStaticMarkup(
      <GlobalError error={new Error("boom")} reset={() => undefined} />,
    );
    expect(html).toMatch(/^<html lang="en">.*<body class="[^"]*bg-surface/);
    expect(html).toContain(`href="tel:${clinic.phone.replace(/[^\d+]/g, "")}"`);
    expect(html).toContain(clinic.phone);
    expect(html).not.toContain("boom");
  });
});
