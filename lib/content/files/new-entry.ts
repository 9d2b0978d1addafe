import GithubSlugger from "github-slugger";

/** The file name (and so the address) for a new page, from its title. */
export function slugFromTitle(title: string): string {
  return new GithubSlugger().slug(title.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""));
}

/** A starting file that passes `content:check`: valid frontmatter, today's date, a draft. */
export function newEntrySource(title: string, today: string): string {
  const quoted = JSON.stringify(title);
  return `---
title: ${quoted}
description: "One or two sentences for search results, at most 160 characters."
lastReviewed: "${today}"
draft: true
# navLabel: "Short menu label"
# navOrder: 7
---

Write an opening paragraph here: who this page is for and what it answers.

## First section

Text for the first section.

## Second section

Text for the second section.

## Third section

Text for the third section.

<ConsultationCta />
`;
}
