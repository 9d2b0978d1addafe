import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { forgetContent } from "@/lib/content/site/site";
import type { StaffActor } from "@/lib/staff/actor";

/*
 * The steps every publish shares, from the page editor, the clinic details
 * and the history actions, around what is each one's own (reading and
 * checking its form): who it goes under, and what follows it.
 */

/**
 * Who a revision goes under: the signed-in person, by account and by the name
 * they have now (kept as it was, so a later rename does not rewrite history).
 * Nobody types it: before personal accounts a typed name was all there was.
 */
export function byline(actor: Pick<StaffActor, "accountId" | "name">): {
  author: string;
  accountId: string;
} {
  return { author: actor.name, accountId: actor.accountId };
}

/** What changed may show on every page: the next render reloads, every static page regenerates. */
export function contentChanged(): void {
  forgetContent();
  // The menu, footer, sitemap, structured data and sharing images of every page may show it.
  revalidatePath("/", "layout");
}

/** After a publish: the site shows the change, staff go to `to`. */
export function published(to: string): never {
  contentChanged();
  redirect(to);
}
