import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HomeContent } from "@/components/home/home-content";
import { getEntry } from "@/lib/content/entries";
import { currentSite } from "@/lib/content/site";
import { entryMetadata } from "@/lib/seo/metadata";

export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  await currentSite();
  const entry = getEntry("");
  return entry ? entryMetadata(entry) : {};
}

export default async function HomePage() {
  await currentSite();
  const entry = getEntry("");
  if (!entry) notFound();
  return <HomeContent entry={entry} />;
}
