import type { Clinic } from "@/lib/validations/clinic-schema";
import type { Entry } from "./load-content";

/*
 * The pages and clinic details the site shows right now: files in content/
 * with the newest browser revisions on top (lib/content/site.ts loads them).
 * Components read them synchronously; each content route awaits a refresh
 * first. The holder lives on globalThis because Next.js may load this module
 * in more than one bundle of one server.
 */
export interface LiveContent {
  entries: Entry[];
  clinic: Clinic;
}

const key = Symbol.for("clinic-site.live-content");
type Holder = { [key]?: LiveContent };

export function liveContent(): LiveContent | undefined {
  return (globalThis as Holder)[key];
}

export function setLiveContent(content: LiveContent | undefined): void {
  (globalThis as Holder)[key] = content;
}
