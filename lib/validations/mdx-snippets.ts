import type { MdxComponentName } from "./mdx-component-names";

/*
 * Ready-made text for each component staff may use, shown beside the editor
 * and inserted at the cursor. The examples match content/README.md.
 */
export const MDX_SNIPPETS: Record<MdxComponentName, { use: string; snippet: string }> = {
  Callout: {
    use: "A highlighted box: type note or warning",
    snippet: '<Callout type="note" title="A short title">\n\nThe text of the note.\n\n</Callout>\n',
  },
  ConsultationCta: { use: "A box inviting people to book", snippet: "<ConsultationCta />\n" },
  Faq: {
    use: "Questions and answers (holds Question)",
    snippet: '<Faq>\n<Question q="The question?">\n\nThe answer.\n\n</Question>\n</Faq>\n',
  },
  Question: {
    use: "One question, inside Faq",
    snippet: '<Question q="The question?">\n\nThe answer.\n\n</Question>\n',
  },
  Steps: {
    use: "A numbered sequence",
    snippet: "<Steps>\n\n1. First step.\n2. Next step.\n\n</Steps>\n",
  },
  Figure: {
    use: "An image with alt text and a caption",
    snippet:
      '<Figure src="/illustrations/session.svg" alt="Describe the image" caption="A caption." />\n',
  },
  Cite: {
    use: "Points at a source from content/sources.yaml",
    snippet: '<Cite source="cochrane-2020" />',
  },
  Electroacupuncture: {
    use: "Whether the clinic uses electroacupuncture",
    snippet: "<Electroacupuncture />",
  },
  ClinicName: { use: "The clinic's name", snippet: "<ClinicName />" },
  PractitionerName: { use: "The practitioner's name", snippet: "<PractitionerName />" },
  ClinicPhone: { use: "The phone number, as a link", snippet: "<ClinicPhone />" },
  ClinicEmail: { use: "The email address, as a link", snippet: "<ClinicEmail />" },
  EmergencyNumber: { use: "The emergency number", snippet: "<EmergencyNumber />" },
  ClinicDetails: { use: "Address, phone, email, licence", snippet: "<ClinicDetails />\n" },
  OpeningHours: { use: "The opening hours", snippet: "<OpeningHours />\n" },
  GettingHere: { use: "Directions", snippet: "<GettingHere />\n" },
  RedFlags: {
    use: "Red-flag symptoms, inside a warning Callout",
    snippet:
      '<Callout type="warning" title="Get urgent medical help if you have any of these">\n\n<RedFlags />\n\n</Callout>\n',
  },
};
