import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getStaffActor, type StaffActor } from "./actor";
import { audit } from "./audit";
import {
  allows,
  permissionsInWords,
  missingFor,
  type StaffEndpoint,
  type StaffAction,
  type StaffPage,
  type StaffRoute,
} from "./endpoints";
import type { Permission } from "@/lib/validations/permissions";

/*
 * The one check behind every staff page, route and action (the action client
 * calls it too): who is asking, and whether the catalogue in endpoints.ts lets
 * their role reach this endpoint. It runs before anything is read from the
 * request or the database, so a refused person learns nothing, not even
 * whether a request or page exists.
 */

export type Verdict =
  | { ok: true; actor: StaffActor }
  | { ok: false; reason: "signed-out" }
  | { ok: false; reason: "forbidden"; actor: StaffActor; missing: Permission[] };

export async function checkAccess(endpoint: StaffEndpoint): Promise<Verdict> {
  const actor = await getStaffActor();
  if (!actor) return { ok: false, reason: "signed-out" };
  if (allows(actor.role, endpoint)) return { ok: true, actor };
  const missing = missingFor(actor.role, endpoint);
  noteRefusal(actor, missing);
  // Someone trying what their role does not allow is worth knowing about (an old link, or probing).
  await audit("permission-refused", undefined, { endpoint, permission: missing.join(", ") });
  return { ok: false, reason: "forbidden", actor, missing };
}

/**
 * What was refused in this request, for app/forbidden.tsx, which Next.js renders
 * without props: React's per-request cache carries it from the guard to the page.
 */
const refusal = cache((): { role?: StaffActor["role"]; missing: Permission[] } => ({
  missing: [],
}));

function noteRefusal(actor: StaffActor, missing: Permission[]): void {
  const note = refusal();
  note.role = actor.role;
  note.missing = missing;
}

export function refusedInThisRequest(): { role?: StaffActor["role"]; missing: Permission[] } {
  return refusal();
}

/**
 * A staff page: signed out, to sign-in; signed in without the permission, 403
 * (app/forbidden.tsx). Otherwise the person, for the page to use.
 */
export async function requirePage(page: StaffPage): Promise<StaffActor> {
  return requireAccess(page);
}

/**
 * The same for a server action not (yet) built on the action client
 * (lib/staff/action-client.ts), which calls checkAccess itself.
 */
export async function requireAction(action: StaffAction): Promise<StaffActor> {
  return requireAccess(action);
}

async function requireAccess(endpoint: StaffPage | StaffAction): Promise<StaffActor> {
  const verdict = await checkAccess(endpoint);
  if (verdict.ok) return verdict.actor;
  if (verdict.reason === "signed-out") redirect("/staff");
  forbidden();
}

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The words of a refusal: what the role cannot do, in the table's own words, and whom to ask. */
export function refusalText(missing: readonly Permission[]): string {
  return `Refused: your role does not include the permission ${permissionsInWords(missing)}. If your work needs it, ask the clinic's owner to change your role.`;
}

/**
 * A staff route: the person, or the answer to send instead: signed out as
 * `signedOut` says (a plain 401 unless the route knows better), refused 403,
 * in words, because a route has no page around it.
 */
export async function guardRoute(
  route: StaffRoute,
  signedOut: () => Response = () => plain(401, "Sign in at /staff first."),
): Promise<StaffActor | Response> {
  const verdict = await checkAccess(route);
  if (verdict.ok) return verdict.actor;
  if (verdict.reason === "signed-out") return signedOut();
  return plain(403, refusalText(verdict.missing));
}
