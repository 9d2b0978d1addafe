import type { MDXComponents } from "mdx/types";
import { ConsultationCta } from "@/components/article/consultation-cta";
import { Cite } from "@/components/article/source-list";
import { ClinicDetails } from "@/components/clinic/clinic-details";
import {
  ClinicEmail,
  ClinicName,
  ClinicPhone,
  Electroacupuncture,
  EmergencyNumber,
  GettingHere,
  PractitionerName,
} from "@/components/clinic/clinic-facts";
import { OpeningHours } from "@/components/clinic/opening-hours";
import { RedFlags } from "@/components/clinic/red-flags";
import { Callout } from "@/components/mdx/callout";
import { Faq, Question } from "@/components/mdx/faq";
import { Figure } from "@/components/mdx/figure";
import { MdxLink } from "@/components/mdx/mdx-link";
import { Steps } from "@/components/mdx/steps";
import type { MdxComponentName } from "@/lib/content/mdx-component-names";

/** Everything staff may use in content/ without an import; `content:check` reads the same list. */
const staffComponents = {
  Callout,
  ConsultationCta,
  Faq,
  Question,
  Steps,
  Figure,
  ClinicName,
  PractitionerName,
  ClinicPhone,
  ClinicEmail,
  EmergencyNumber,
  ClinicDetails,
  OpeningHours: () => <OpeningHours />,
  GettingHere,
  RedFlags,
  Cite,
  Electroacupuncture,
} satisfies Record<MdxComponentName, MDXComponents[string]>;

export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components, ...staffComponents, a: MdxLink };
}
