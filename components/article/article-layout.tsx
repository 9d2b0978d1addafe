import type { ReactNode } from "react";
import { JsonLd } from "@/components/seo/json-ld";
import { getAdjacentArticles } from "@/lib/content/site/entries";
import { breadcrumbJsonLd, faqJsonLd, medicalWebPageJsonLd } from "@/lib/seo/json-ld";
import { ArticleMeta } from "./article-meta";
import { ArticlePager } from "./article-pager";
import { Breadcrumbs } from "./breadcrumbs";
import { ConsultationCta } from "./consultation-cta";
import { MedicalDisclaimer } from "./medical-disclaimer";
import { pageSources, SourceList } from "./source-list";
import { TableOfContents } from "./table-of-contents";
import type { Entry } from "@/lib/content/types";

/** The frame around every content page: where you are, who reviewed it, and what to do next. */
export async function ArticleLayout({ entry, children }: { entry: Entry; children: ReactNode }) {
  const trail = [
    { name: "Home", href: "/" },
    { name: entry.frontmatter.title, href: entry.href },
  ];
  const isArticle = entry.frontmatter.kind === "article";
  const { previous, next } = await getAdjacentArticles(entry.slug);
  return (
    <article className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <JsonLd data={breadcrumbJsonLd(trail)} />
      {isArticle && <JsonLd data={medicalWebPageJsonLd(entry, pageSources(entry))} />}
      {entry.faq.length > 0 && <JsonLd data={faqJsonLd(entry.faq)} />}
      <Breadcrumbs trail={trail} />
      <header className="mt-6">
        <h1 className="text-3xl font-semibold leading-tight sm:text-4xl">
          {entry.frontmatter.title}
        </h1>
        <ArticleMeta entry={entry} />
      </header>
      <TableOfContents sections={entry.sections} />
      <div className="prose mt-8">{children}</div>
      <SourceList keys={entry.frontmatter.sources} />
      <MedicalDisclaimer />
      {isArticle && <ConsultationCta />}
      {isArticle && <ArticlePager previous={previous} next={next} />}
    </article>
  );
}
