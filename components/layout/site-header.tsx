import Link from "next/link";
import { NavLinks } from "./nav-links";
import { getClinic } from "@/lib/content/site/site";

/*
 * On phones the menu is a native <details> element: it opens and closes with
 * no JavaScript at all. The header lives in app/template.tsx, which remounts
 * on every navigation, so the menu is closed again on the next page.
 */
export async function SiteHeader() {
  const clinic = await getClinic();
  return (
    <header className="relative border-b border-line bg-surface-raised">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-2">
        <Link
          href="/"
          className="py-2 xl:shrink-0 font-serif text-xl font-semibold xl:whitespace-nowrap text-ink no-underline"
        >
          {clinic.shortName}
        </Link>
        <nav aria-label="Main" className="hidden xl:block print:hidden">
          <NavLinks layout="row" />
        </nav>
        <details className="xl:hidden print:hidden">
          <summary className="inline-flex min-h-11 list-none items-center gap-2 rounded-lg border border-line px-4 font-semibold [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true">☰</span> Menu
          </summary>
          <nav
            aria-label="Main"
            className="absolute inset-x-0 top-full z-40 border-b border-line bg-surface-raised px-4 shadow-lg"
          >
            <NavLinks layout="column" />
          </nav>
        </details>
      </div>
    </header>
  );
}
