import "server-only";
import type { Kysely } from "kysely";
import { siteImages } from "@/lib/content/images/site-images";
import { getSources } from "@/lib/content/files/sources";
import type { Site } from "@/lib/content/types";
import type { Database } from "@/lib/db/types";
import { practitionerName } from "@/lib/validations/clinic-schema";
import type { VisualEditorContext } from "@/components/staff/visual-editor/editor-context";

/**
 * What the visual editor needs beside the page text: the pages to link to,
 * the sources to cite, the images a Figure may show. Clinic facts are given
 * as the text visitors read, so the editor shows live values (marked "from
 * clinic details") rather than tags; the longer ones are summarised.
 */
export async function visualEditorContext(
  site: Site,
  db: Kysely<Database>,
): Promise<VisualEditorContext> {
  const { clinic } = site;
  const address = [clinic.address.street, clinic.address.locality, clinic.address.postalCode];
  const hours = clinic.openingHours
    .map((h) => `${h.days.join(", ")} ${h.opens}–${h.closes}`)
    .join("; ");
  return {
    pages: site.entries
      .map((entry) => ({ href: entry.href, title: entry.frontmatter.title }))
      .concat([{ href: "/consultation", title: "Ask a question or book a first visit" }])
      .sort((a, b) => a.href.localeCompare(b.href)),
    sources: Object.entries(getSources()).map(([key, source]) => ({ key, title: source.title })),
    images: await siteImages(db, clinic.timezone),
    facts: {
      ClinicName: clinic.name,
      PractitionerName: practitionerName(clinic),
      ClinicPhone: clinic.phone,
      ClinicEmail: clinic.email,
      EmergencyNumber: clinic.emergencyNumber,
      ClinicDetails: `${address.join(", ")} · ${clinic.phone} · ${clinic.email}`,
      OpeningHours: hours,
      GettingHere: clinic.gettingHere,
      RedFlags: "The warning signs of a back problem that needs a doctor now, each with what to do",
      Electroacupuncture: clinic.electroacupuncture
        ? "We sometimes use electroacupuncture… (never with a pacemaker or implanted device)"
        : "We don't use electroacupuncture at our clinic.",
      ConsultationCta: "A box inviting visitors to ask a question or book",
    },
  };
}
