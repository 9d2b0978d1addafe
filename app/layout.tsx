import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { JsonLd } from "@/components/seo/json-ld";
import { clinicJsonLd } from "@/lib/seo/json-ld";
import { BRAND_COLOURS } from "@/lib/seo/brand-colours";
import { rootMetadata } from "@/lib/seo/metadata";
import "./globals.css";
import { getClinic } from "@/lib/content/site/site";

export async function generateMetadata(): Promise<Metadata> {
  return rootMetadata(await getClinic());
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: BRAND_COLOURS.light.surface },
    { media: "(prefers-color-scheme: dark)", color: BRAND_COLOURS.dark.surface },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The header, menu and footer below read the content loaded here.
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <JsonLd data={clinicJsonLd(await getClinic())} />
        {children}
      </body>
    </html>
  );
}
