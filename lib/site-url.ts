import "server-only";
import { getEnv } from "./env";

/** The public origin of the site, without a trailing slash: the one place absolute URLs come from. */
export function siteUrl(): string {
  return getEnv().SITE_URL.replace(/\/+$/, "");
}

export function absoluteUrl(pathname: string): string {
  return pathname === "/" ? siteUrl() : `${siteUrl()}${pathname}`;
}
