import type { useMDXComponents as UseMdxComponents } from "@mdx-js/react";
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
import type { MdxComponentName } from "@/lib/validations/mdx-component-names";

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

/*
 * @mdx-js/react's mapping contract: given components, return them merged with
 * the site's. Its MDXProvider keeps the mapping in React context, which Server
 * Components cannot read, so the renderer (components/mdx/mdx-content.tsx)
 * calls this function directly; the staff preview and public pages share it.
 */
export const useMDXComponents: typeof UseMdxComponents = (components) => {
  const given = typeof components === "function" ? components({}) : components;
  return { ...given, ...staffComponents, a: MdxLink };
};
