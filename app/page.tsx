import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HomeContent } from "@/components/home/home-content";
import { ViewBeacon } from "@/components/layout/view-beacon";
import { getEntry } from "@/lib/content/site/entries";
import { entryMetadata } from "@/lib/seo/metadata";

export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const entry = await getEntry("");
  return entry ? entryMetadata(entry) : {};
}

export default async function HomePage() {
  const entry = await getEntry("");
  if (!entry) notFound();
  return (
    <>
      <ViewBeacon />
      <HomeContent entry={entry} />
    </>
  );
}
