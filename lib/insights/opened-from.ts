import "server-only";
import { headers } from "next/headers";
import { knownPages } from "./flush";

/*
 * The page a visitor opened the consultation form from: the path of the
 * same-site page in the Referer of the request for /consultation (a link
 * followed, or the framework's fetch for it), if it is a published page.
 * It travels in a hidden field and is checked again when the request is
 * counted, since anything posted can be made up.
 */
export async function openedFrom(): Promise<string> {
  const given = await headers();
  const referer = given.get("referer");
  if (!referer) return "";
  try {
    const url = new URL(referer);
    if (url.host !== given.get("host")) return "";
    return (await knownPages()).has(url.pathname) ? url.pathname : "";
  } catch {
    return "";
  }
}
