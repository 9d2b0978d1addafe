import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getStaffSession } from "./auth";
import { can, type Permission, type Role } from "@/lib/validations/permissions";

/*
 * The person behind a staff request: what every staff page, route and action
 * asks for, and what the audit log, page history and drafts record. Pages and
 * routes call requirePermission() (or getStaffActor() where signed-out visitors
 * see the sign-in form); server actions go through the action client, which
 * calls it for them.
 *
 * The actor is the account behind the session cookie, read with the session
 * at every request (lib/staff/auth.ts): a changed role or a disabled account
 * takes effect at the person's next click.
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
  const { name, email, role } = session.account;
  return {
    accountId: session.accountId,
    name: name || email,
    email,
    role,
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
