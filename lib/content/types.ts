import type { ClinicRevision, PageRevision } from "@/lib/db/types";
import type { Clinic } from "@/lib/validations/clinic-schema";
import type { Frontmatter } from "./checks/frontmatter-schema";

/*
 * The shapes the content modules pass to each other: a page as read
 * (PageInput), as checked and published (Entry), and the whole site as the
 * routes show it (Site). Types only, so any folder may import them.
 */

/** A problem in one file or revision, named the way messages show it. */
export interface Problem {
  file: string;
  message: string;
}

/** A page's text and where it came from: a file in content/ or a browser revision. */
export interface PageInput {
  slug: string;
  /** How messages name it: "content/benefits.mdx" or "/benefits (published in the browser)". */
  file: string;
  source: string;
}

export interface Heading {
  depth: number;
  text: string;
  id: string;
}

export interface FaqItem {
  question: string;
  answer: string;
}

export interface Entry {
  /** "" for the home page (content/index.mdx), otherwise the file name. */
  slug: string;
  href: string;
  file: string;
  /** The page text as written, frontmatter included; components/mdx/mdx-content.tsx renders it. */
  source: string;
  frontmatter: Frontmatter & { reviewedBy: string };
  /** Level-two headings, for the table of contents. */
  sections: Heading[];
  faq: FaqItem[];
  readingMinutes: number;
}

export interface ContentReport {
  entries: Entry[];
  errors: Problem[];
  warnings: Problem[];
}

export interface PageRecord {
  slug: string;
  href: string;
  /** The file in content/, when there is one. */
  file?: { source: string; hash: string };
  /** The newest browser revision, when there is one. */
  revision?: PageRevision;
  /** What the site shows, or undefined when the page was deleted. */
  source: string | undefined;
  /** The newest revision is a browser publish that content/ does not have yet. */
  browserEdited: boolean;
  /** The file changed since the browser edit started from it. */
  conflict: boolean;
  /**
   * Why the stored address cannot be a page (from an older release or a
   * tampered form): such a page is never shown, and can only be deleted.
   */
  addressProblem?: string;
}

export interface Site extends ContentReport {
  pages: PageRecord[];
  clinic: Clinic;
  clinicFile: { source: string; hash: string };
  clinicRevision?: ClinicRevision;
  clinicConflict: boolean;
}
