/**
 * Components staff may use in MDX without importing them. The MDX renderer
 * (mdx-components.tsx) is typed against this list and `npm run content:check`
 * reports any other capitalised tag, so the two cannot drift apart.
 */
export const MDX_COMPONENT_NAMES = [
  "Callout",
  "ConsultationCta",
  "Faq",
  "Question",
  "Steps",
  "Figure",
  "ClinicName",
  "PractitionerName",
  "ClinicPhone",
  "ClinicEmail",
  "EmergencyNumber",
  "ClinicDetails",
  "OpeningHours",
  "GettingHere",
  "RedFlags",
  "Cite",
  "Electroacupuncture",
] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
