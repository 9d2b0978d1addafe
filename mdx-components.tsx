import type { useMDXComponents as UseMdxComponents } from "@mdx-js/react";
import type { MDXComponents } from "mdx/types";
import { createElement, type ReactNode } from "react";
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
import {
  parseProps,
  type ComponentName,
  type ComponentProps,
} from "@/lib/validations/component-catalogue";

type Renderer<N extends ComponentName> = (
  props: ComponentProps<N> & { children?: ReactNode },
) => ReactNode | Promise<ReactNode>;

/*
 * Each component receives its props as the catalogue's schema outputs them
 * (Figure's width="1200" arrives as the number 1200). A value that slipped
 * past the checks throws here with the catalogue's own sentence, which the
 * trial render (lib/content/site/rendered-entries.ts) reports to staff.
 */
function checked<N extends ComponentName>(name: N, render: Renderer<N>) {
  return function Checked({ children, ...attributes }: { children?: ReactNode }) {
    const props: ComponentProps<N> & { children?: ReactNode } = {
      ...parseProps(name, attributes),
      children,
    };
    // ComponentProps<N> is an object for every N, which TypeScript cannot see through the generic.
    return createElement(render as (p: object) => ReactNode, props as object);
  };
}

/*
 * The renderer marks a page's first Figure with `priority` (lib/content/mdx/render-mdx.ts), so
 * it loads at once. Staff do not write it, so it goes round the catalogue's check of their props.
 */
const FirstFigure = checked("Figure", (props) => <Figure {...props} priority />);
const LaterFigure = checked("Figure", Figure);
function PlacedFigure({ priority, ...attributes }: { priority?: boolean; children?: ReactNode }) {
  return createElement(priority ? FirstFigure : LaterFigure, attributes);
}

/** Everything staff may use in content/ without an import: the catalogue's list, each renderer once. */
const staffComponents = {
  Callout: checked("Callout", Callout),
  ConsultationCta: checked("ConsultationCta", ConsultationCta),
  Faq: checked("Faq", Faq),
  Question: checked("Question", Question),
  Steps: checked("Steps", Steps),
  Figure: PlacedFigure,
  ClinicName: checked("ClinicName", ClinicName),
  PractitionerName: checked("PractitionerName", PractitionerName),
  ClinicPhone: checked("ClinicPhone", ClinicPhone),
  ClinicEmail: checked("ClinicEmail", ClinicEmail),
  EmergencyNumber: checked("EmergencyNumber", EmergencyNumber),
  ClinicDetails: checked("ClinicDetails", ClinicDetails),
  OpeningHours: checked("OpeningHours", () => <OpeningHours />),
  GettingHere: checked("GettingHere", GettingHere),
  RedFlags: checked("RedFlags", RedFlags),
  Cite: checked("Cite", Cite),
  Electroacupuncture: checked("Electroacupuncture", Electroacupuncture),
} satisfies Record<ComponentName, MDXComponents[string]>;

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
