import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <StatusPage title="We can't find that page">
      <p>The address may be mistyped, or the page may have moved.</p>
      <p>
        You can still <Link href="/consultation">request a consultation</Link> or browse from the
        home page.
      </p>
    </StatusPage>
  );
}
