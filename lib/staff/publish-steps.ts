import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { forgetContent } from "@/lib/content/site/site";
import { getAuthorName, rememberAuthorName } from "@/lib/staff/author";
import type { StaffSession } from "@/lib/staff/session";

/*
 * The steps every publish shares, from the page editor, the clinic details
 * and the history actions, around what is each one's own (reading and
 * checking its form): who it goes under, and what follows it.
 */

export const NAME_NEEDED = "Write your name: it is shown in the history";

/** The name a publish goes under: the one typed, else the one given earlier in this sign-in. */
export async function authorFor(session: StaffSession, typed: string): Promise<string> {
  return typed.trim() || (await getAuthorName(session));
}

/** What changed may show on every page: the next render reloads, every static page regenerates. */
export function contentChanged(): void {
  forgetContent();
  // The menu, footer, sitemap, structured data and sharing images of every page may show it.
  revalidatePath("/", "layout");
}

/** After a publish: the name is kept for this sign-in, the site shows the change, staff go to `to`. */
export async function published(session: StaffSession, author: string, to: string): Promise<never> {
  await rememberAuthorName(session, author);
  contentChanged();
  redirect(to);
}
