import "server-only";
import type { FaqItem } from "@/lib/content/types";
import { sourceHref, type Source } from "@/lib/content/checks/sources-schema";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { bookingLink, type Clinic } from "@/lib/validations/clinic-schema";
import type { Entry } from "@/lib/content/types";

/* schema.org structured data, built from the same facts the pages show. */

const clinicId = () => `${siteUrl()}/#clinic`;

/*
 * Where existing patients book, as the clinic's reservation action: schema.org's
 * potentialAction (https://schema.org/potentialAction) holding a ReserveAction
 * (https://schema.org/ReserveAction) whose target is an EntryPoint
 * (https://schema.org/EntryPoint) at the booking page. Left out when the clinic has none.
 */
function reserveAction(clinic: Clinic) {
  const link = bookingLink(clinic);
  if (!link) return {};
  return {
    potentialAction: {
      "@type": "ReserveAction",
      name: link.label,
      target: { "@type": "EntryPoint", urlTemplate: link.href },
    },
  };
}

export function clinicJsonLd(clinic: Clinic) {
  const { address } = clinic;
  return {
    "@context": "https://schema.org",
    "@type": "MedicalClinic",
    "@id": clinicId(),
    name: clinic.name,
    description: clinic.tagline,
    url: siteUrl(),
    telephone: clinic.phone,
    email: clinic.email,
    address: {
      "@type": "PostalAddress",
      streetAddress: address.street,
      addressLocality: address.locality,
      addressRegion: address.region,
      postalCode: address.postalCode,
      addressCountry: address.country,
    },
    openingHoursSpecification: clinic.openingHours.map((slot) => ({
      "@type": "OpeningHoursSpecification",
      dayOfWeek: slot.days.map((day) => `https://schema.org/${day}`),
      opens: slot.opens,
      closes: slot.closes,
    })),
    employee: {
      "@type": "Person",
      name: clinic.practitioner.name,
      honorificSuffix: clinic.practitioner.credentials,
      jobTitle: "Licensed Acupuncturist",
    },
    availableService: { "@type": "MedicalTherapy", name: "Acupuncture for back pain" },
    ...reserveAction(clinic),
  };
}

/** The page as a reviewed medical page; its cited sources are given to search engines as well. */
export function medicalWebPageJsonLd(entry: Entry, sources: readonly Source[] = []) {
  const { title, description, lastReviewed, reviewedBy } = entry.frontmatter;
  return {
    "@context": "https://schema.org",
    "@type": "MedicalWebPage",
    name: title,
    headline: title,
    description,
    url: absoluteUrl(entry.href),
    lastReviewed,
    reviewedBy: { "@type": "Person", name: reviewedBy },
    publisher: { "@id": clinicId() },
    about: { "@type": "MedicalCondition", name: "Back pain" },
    inLanguage: "en",
    ...(sources.length > 0
      ? {
          citation: sources.map((source) => ({
            "@type": "CreativeWork",
            name: source.title,
            author: source.authors,
            datePublished: String(source.year),
            url: sourceHref(source),
          })),
        }
      : {}),
  };
}

export function breadcrumbJsonLd(trail: { name: string; href: string }[]) {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: trail.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.href),
    })),
  };
}

export function faqJsonLd(items: FaqItem[]) {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: items.map((item) => ({
      "@type": "Question",
      name: item.question,
      acceptedAnswer: { "@type": "Answer", text: item.answer },
    })),
  };
}

/** Serialised for a <script> tag: "<" escaped so content can never close the tag early. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
