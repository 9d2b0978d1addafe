import Link from "next/link";
import { getNavigation } from "@/lib/content/entries";

/** The main navigation, generated from content frontmatter (navOrder and navLabel). */
export function NavLinks({ layout }: { layout: "row" | "column" }) {
  const items = [...getNavigation(), { href: "/consultation", label: "Request a consultation" }];
  const list = layout === "row" ? "flex items-center gap-x-1" : "flex flex-col py-2";
  return (
    <ul className={list}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            className={
              item.href === "/consultation"
                ? "ml-2 inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-semibold text-on-brand no-underline"
                : "inline-flex min-h-11 items-center rounded-md px-2.5 text-ink no-underline hover:bg-brand-soft hover:underline"
            }
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
