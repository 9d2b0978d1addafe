import Link from "next/link";
import { getNavigation } from "@/lib/content/site/entries";
import { primaryButtonClass } from "@/components/ui/button-styles";

/** The main navigation, generated from content frontmatter (navOrder and navLabel). */
export async function NavLinks({ layout }: { layout: "row" | "column" }) {
  const items = [
    ...(await getNavigation()),
    { href: "/consultation", label: "Request a consultation" },
  ];
  // A label never breaks inside itself in the row; if staff add more entries than
  // fit, whole entries wrap to a second line instead of overflowing.
  const list =
    layout === "row"
      ? "flex flex-wrap items-center justify-end gap-x-1 whitespace-nowrap"
      : "flex flex-col py-2";
  return (
    <ul className={list}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            className={
              item.href === "/consultation"
                ? `ml-2 ${primaryButtonClass}`
                : "inline-flex min-h-11 items-center rounded-md px-2 text-ink no-underline hover:bg-brand-soft hover:underline"
            }
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
