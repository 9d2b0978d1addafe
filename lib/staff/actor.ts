import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getAuthorName } from "./author";
import { getStaffSession } from "./auth";
import { can, type Permission, type Role } from "./permissions";

/*
 * The person behind a staff request: what every staff page, route and action
 * asks for, and what the audit log, page history and drafts record. Pages and
 * routes call requirePermission() (or getStaffActor() where signed-out visitors
 * see the sign-in form); server actions go through the action client, which
 * calls it for them.
 *
 * CONTRACT FOR ISSUE 16 (personal accounts): the accounts work replaces the body
 * of getStaffActor() with the account behind the session cookie; the type and
 * the three functions keep their shapes. Until then the shared-password session
 * stands in as an owner named by the "your name" answer.
 */
export interface StaffActor {
  /** staff_accounts.id */
  accountId: string;
  /** The display name now; the audit log copies it, so a later rename does not rewrite history. */
  name: string;
  email: string;
  role: Role;
  /** staff_sessions.id of this sign-in. */
  sessionId: string;
}

export async function getStaffActor(): Promise<StaffActor | null> {
  const session = await getStaffSession();
  if (!session) return null;
  const name = (await getAuthorName(session)) || "Staff";
  return {
    accountId: `shared:${session.nonce}`,
    name,
    email: "",
    role: "owner",
    sessionId: session.nonce,
  };
}

/** The signed-in person; without one the caller never continues: it goes to sign-in. */
export async function requireStaffActor(): Promise<StaffActor> {
  const actor = await getStaffActor();
  if (!actor) redirect("/staff");
  return actor;
}

/**
 * The signed-in person, when their role allows `permission`. Signed out: to
 * sign-in. Signed in without the permission: 403 (app/forbidden.tsx), whatever
 * the UI showed.
 */
export async function requirePermission(permission: Permission): Promise<StaffActor> {
  const actor = await requireStaffActor();
  if (!can(actor.role, permission)) forbidden();
  return actor;
}
