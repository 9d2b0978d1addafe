import "server-only";
import type { Kysely } from "kysely";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { requestLog } from "@/lib/request-log";
import type { Database } from "@/lib/db/types";
import type { StaffActor } from "./actor";
import { audit } from "./audit";
import type { AuditDetail, AuditEvent, AuditObject } from "./audit-events";
import type { StaffAction } from "./endpoints";
import { checkAccess } from "./guard";

/*
 * The one guarded client every staff mutation goes through, in the steps of
 * dub's authActionClient and Epic Stack's requireUserWithPermission, so no
 * action can forget one: who is asking (signed out: sign-in, nothing read);
 * whether their role may (the catalogue entry named by `endpoint`; refused:
 * 403 before the form or the database is touched); the form read and parsed
 * with the action's schema (refused: the action's answer, with what was
 * typed); the action run with the person, the database and the time; a save
 * that fails on the server's side answered in words (lib/staff/save-failure.ts),
 * never a bare 500; and the audit entries the action queued written once it
 * has done what it says.
 */

export interface AuditEntry {
  event: AuditEvent;
  object?: AuditObject;
  detail?: AuditDetail;
}

export interface ActionContext<Input, Raw, Previous> {
  input: Input;
  /** What the form held, for answers that hand the typing back. */
  raw: Raw;
  previous: Previous;
  actor: StaffActor;
  db: Kysely<Database>;
  now: Date;
  /** Queues an audit entry: written when the action ends with an answer or a redirect. */
  record: (entry: AuditEntry) => void;
}

export interface ActionSteps<Raw, S extends z.ZodType, Previous, Result> {
  /** Its entry in lib/staff/endpoints.ts: the permission is read there, never written here. */
  endpoint: StaffAction;
  /** The form as the schema reads it and a refusal hands back; read only after the permission. */
  read: (formData: FormData) => Raw;
  schema: S;
  /** Signed out (the 8 hours ended, signed out elsewhere). Without it: to sign-in. */
  signedOut?: (read: () => Raw, previous: Previous) => Result | Promise<Result>;
  /** The form did not parse: an answer that names the field and keeps the typing. */
  invalid: (error: z.ZodError, raw: Raw, previous: Previous) => Result | Promise<Result>;
  run: (context: ActionContext<z.output<S>, Raw, Previous>) => Promise<Result>;
  /**
   * Called by the editor by itself while someone types (a draft autosave, the live preview):
   * its answers are logged at debug level, so an editing session is not a line a second.
   */
  routine?: (input: z.output<S>) => boolean;
  /** The server could not save: an answer in words, with the typing (see saveFailed). */
  failed: (error: unknown, raw: Raw, previous: Previous) => Result | Promise<Result>;
}

/** The schema's own keys, read from the form: what most staff forms need. */
export function formFields(keys: readonly string[]) {
  return (formData: FormData): Record<string, FormDataEntryValue | undefined> =>
    Object.fromEntries(keys.map((key) => [key, formData.get(key) ?? undefined]));
}

/** Whether Next.js's redirect, notFound or forbidden signal is passing through. */
function isNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

async function guarded<Raw, S extends z.ZodType, Previous, Result>(
  steps: ActionSteps<Raw, S, Previous, Result>,
  previous: Previous,
  formData: FormData,
): Promise<Result> {
  // One line per action: which endpoint and how it ended, never what the form held.
  const requestLogged = await requestLog();
  let event: "staff.action" | "staff.action.routine" = "staff.action";
  const log = (outcome: string) => requestLogged(event, { subject: steps.endpoint, outcome });
  let verdict;
  try {
    verdict = await checkAccess(steps.endpoint);
  } catch (error) {
    // The sign-in could not be checked (the database unreachable): said in words, typing kept.
    if (isNavigation(error)) throw error;
    log("failed");
    return steps.failed(error, steps.read(formData), previous);
  }
  if (!verdict.ok && verdict.reason === "signed-out") {
    log("signed-out");
    if (steps.signedOut) return steps.signedOut(() => steps.read(formData), previous);
    redirect("/staff");
  }
  if (!verdict.ok) {
    log("forbidden");
    forbidden();
  }

  const raw = steps.read(formData);
  const parsed = steps.schema.safeParse(raw);
  if (!parsed.success) {
    log("invalid");
    return steps.invalid(parsed.error, raw, previous);
  }
  if (steps.routine?.(parsed.data)) event = "staff.action.routine";

  const queued: AuditEntry[] = [];
  // audit() never throws: an entry that cannot be written is logged and the change stands.
  const written = async () => {
    for (const { event, object, detail } of queued.splice(0)) await audit(event, object, detail);
  };
  let result: Result;
  try {
    const context = {
      input: parsed.data,
      raw,
      previous,
      actor: verdict.actor,
      db: await getDb(),
      now: new Date(),
      record: (entry: AuditEntry) => void queued.push(entry),
    };
    result = await steps.run(context);
  } catch (error) {
    if (isNavigation(error)) {
      await written();
      log("redirected");
      throw error;
    }
    log("failed");
    return steps.failed(error, raw, previous);
  }
  await written();
  log("answered");
  return result;
}

/** A form action: `<form action={…}>`, with or without JavaScript. */
export function staffFormAction<Raw, S extends z.ZodType, Result>(
  steps: ActionSteps<Raw, S, undefined, Result>,
): (formData: FormData) => Promise<Result> {
  return (formData) => guarded(steps, undefined, formData);
}

/** An action behind useActionState: the previous answer comes first. */
export function staffStateAction<Raw, S extends z.ZodType, Previous, Result>(
  steps: ActionSteps<Raw, S, Previous, Result>,
): (previous: Previous, formData: FormData) => Promise<Result> {
  return (previous, formData) => guarded(steps, previous, formData);
}
