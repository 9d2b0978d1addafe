import "server-only";
import type { Metadata } from "next";
import { siteUrl } from "@/lib/site-url";
import { pageTitle, titleTemplate } from "./title";
import type { Clinic } from "@/lib/validations/clinic-schema";
import type { Entry } from "@/lib/content/types";

/** Site-wide defaults: the title template, the base for every relative URL, sharing defaults. */
export function rootMetadata(clinic: Clinic): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: clinic.name, template: titleTemplate(clinic.shortName) },
    description: clinic.tagline,
    applicationName: clinic.shortName,
    openGraph: { siteName: clinic.shortName, locale: "en_US", type: "website" },
    twitter: { card: "summary_large_image" },
    formatDetection: { telephone: false },
  };
}

/** Per-page title, description, canonical URL and sharing tags, from the page's frontmatter. */
export function entryMetadata(entry: Entry): Metadata {
  const { title, description, lastReviewed } = entry.frontmatter;
  const isArticle = entry.frontmatter.kind === "article";
  return {
    // The home page shows the clinic name alone rather than "Home | Clinic".
    title:
      entry.slug === "" ? { absolute: pageTitle(entry.frontmatter) } : pageTitle(entry.frontmatter),
    description,
    alternates: { canonical: entry.href },
    openGraph: {
      title,
      description,
      url: entry.href,
      type: isArticle ? "article" : "website",
      ...(isArticle ? { modifiedTime: lastReviewed } : {}),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}
