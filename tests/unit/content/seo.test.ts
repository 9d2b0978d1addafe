import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import {
  breadcrumbJsonLd,
  clinicJsonLd,
  faqJsonLd,
  medicalWebPageJsonLd,
  serializeJsonLd,
} from "@/lib/seo/json-ld";
import { entryMetadata, rootMetadata } from "@/lib/seo/metadata";
import { fullTitle, TITLE_MAX } from "@/lib/seo/title";
import { checkContent } from "@/lib/content/checks/check-content";
import { loadClinic } from "@/lib/content/files/clinic-file";
import type { Entry } from "@/lib/content/types";

const entry: Entry = {
  slug: "benefits",
  href: "/benefits",
  file: "content/benefits.mdx",
  source: "",
  frontmatter: {
    title: "Benefits",
    description: "What acupuncture may offer.",
    lastReviewed: "2026-11-20",
    reviewedBy: "Jordan Ellery, L.Ac.",
    kind: "article",
  },
  sections: [],
  faq: [{ question: "Does it hurt?", answer: "Usually very little." }],
  readingMinutes: 4,
};

beforeEach(() => {
  process.env.SITE_URL = "https://clinic.example/";
  resetEnvCache();
});
afterEach(() => {
  delete process.env.SITE_URL;
  resetEnvCache();
});

describe("metadata builders", () => {
  it("sets the title template and metadataBase from SITE_URL", () => {
    const metadata = rootMetadata(loadClinic());
    expect(String(metadata.metadataBase)).toBe("https://clinic.example/");
    expect(metadata.title).toMatchObject({ template: `%s | ${loadClinic().shortName}` });
  });

  it("gives search engines the page's cited sources, each with its year and link", () => {
    const data = medicalWebPageJsonLd(entry, [
      {
        label: "Cochrane review, 2020",
        authors: "Mu J, Furlan AD",
        title: "Acupuncture for chronic nonspecific low back pain",
        journal: "Cochrane Database Syst Rev",
        year: 2020,
        doi: "10.1002/14651858.CD013814",
      },
    ]);
    expect(data.citation).toEqual([
      {
        "@type": "CreativeWork",
        name: "Acupuncture for chronic nonspecific low back pain",
        author: "Mu J, Furlan AD",
        datePublished: "2020",
        url: "https://doi.org/10.1002/14651858.CD013814",
      },
    ]);
    expect(medicalWebPageJsonLd(entry)).not.toHaveProperty("citation");
  });

  it("uses a page's shorter seoTitle for its <title>, keeping the heading for sharing", () => {
    const metadata = entryMetadata({
      ...entry,
      frontmatter: { ...entry.frontmatter, title: "A long heading", seoTitle: "Short" },
    });
    expect(metadata.title).toBe("Short");
    expect(metadata.openGraph?.title).toBe("A long heading");
  });

  it("keeps every real page's full title, with the clinic name, within 70 characters", () => {
    const { shortName } = loadClinic();
    const titles = checkContent().entries.map((e) => fullTitle(e.frontmatter, e.slug, shortName));
    expect(titles.length).toBeGreaterThan(5);
    expect(titles.filter((title) => title.length > TITLE_MAX)).toEqual([]);
  });

  it("gives each page its own title, description, canonical URL and sharing tags", () => {
    const metadata = entryMetadata(entry);
    expect(metadata.title).toBe("Benefits");
    expect(metadata.description).toBe("What acupuncture may offer.");
    expect(metadata.alternates?.canonical).toBe("/benefits");
    expect(metadata.openGraph).toMatchObject({
      url: "/benefits",
      type: "article",
      modifiedTime: "2026-11-20",
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: "Benefits" });
  });

  it("does not put the template around the home page title", () => {
    expect(entryMetadata({ ...entry, slug: "", href: "/" }).title).toEqual({
      absolute: "Benefits",
    });
  });
});

describe("JSON-LD builders", () => {
  it("describes the clinic from its facts", () => {
    const clinic = loadClinic();
    const data = clinicJsonLd(clinic);
    expect(data).toMatchObject({
      "@type": "MedicalClinic",
      name: clinic.name,
      telephone: clinic.phone,
      url: "https://clinic.example",
      address: { postalCode: clinic.address.postalCode },
    });
    expect(data.openingHoursSpecification[0]?.dayOfWeek[0]).toBe(
      `https://schema.org/${clinic.openingHours[0]?.days[0]}`,
    );
  });

  it("carries the booking page as the clinic's reservation action only when there is one", () => {
    const clinic = loadClinic();
    expect(clinicJsonLd(clinic)).not.toHaveProperty("potentialAction");
    const url = "https://willowlane.janeapp.com";
    expect(clinicJsonLd({ ...clinic, bookingUrl: url })).toMatchObject({
      potentialAction: {
        "@type": "ReserveAction",
        name: "Book online",
        target: { "@type": "EntryPoint", urlTemplate: url },
      },
    });
    expect(
      clinicJsonLd({ ...clinic, bookingUrl: url, bookingLabel: "Book a visit" }).potentialAction,
    ).toMatchObject({ name: "Book a visit" });
  });

  it("marks articles as reviewed medical pages", () => {
    expect(medicalWebPageJsonLd(entry)).toMatchObject({
      "@type": "MedicalWebPage",
      url: "https://clinic.example/benefits",
      lastReviewed: "2026-11-20",
      reviewedBy: { "@type": "Person", name: "Jordan Ellery, L.Ac." },
    });
  });

  it("numbers breadcrumbs and lists FAQ answers", () => {
    const crumbs = breadcrumbJsonLd([
      { name: "Home", href: "/" },
      { name: "Benefits", href: "/benefits" },
    ]);
    expect(crumbs.itemListElement.map((item) => [item.position, item.item])).toEqual([
      [1, "https://clinic.example"],
      [2, "https://clinic.example/benefits"],
    ]);
    expect(faqJsonLd(entry.faq).mainEntity[0]).toEqual({
      "@type": "Question",
      name: "Does it hurt?",
      acceptedAnswer: { "@type": "Answer", text: "Usually very little." },
    });
  });

  it("cannot be broken out of its script tag", () => {
    const text = serializeJsonLd({ name: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});
