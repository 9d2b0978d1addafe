import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/validations/permissions";

/*
 * The arguments of `npm run staff:invite`, checked before anything is opened:
 * a mistake gets the usage line and what to write instead.
 */
export const INVITE_USAGE = `Usage: npm run staff:invite -- <email> --role <${ROLES.join("|")}> [--name "Full Name"]`;

export const NAME_MAX = 80;

const argsSchema = z.object({
  email: z.email("the email address is not valid (write it like name@example.com)").max(254),
  role: z.enum(ROLES, `--role must be one of ${ROLES.join(", ")}`),
  name: z.string().trim().max(NAME_MAX, `--name must be at most ${NAME_MAX} characters`).optional(),
});

export type InviteArgs = { email: string; role: Role; name?: string };

export function parseInviteArgs(
  argv: string[],
): { ok: true; args: InviteArgs } | { ok: false; problem: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: "string" }, name: { type: "string" } },
    });
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const [email, ...extra] = parsed.positionals;
  if (!email) return { ok: false, problem: "give the person's email address first" };
  if (extra.length > 0)
    return {
      ok: false,
      problem: `unexpected "${extra.join(" ")}" (put a name with spaces in quotes after --name)`,
    };
  if (parsed.values.role === undefined) return { ok: false, problem: "--role is required" };
  const result = argsSchema.safeParse({ email: email.trim(), ...parsed.values });
  if (!result.success)
    return { ok: false, problem: result.error.issues.map((i) => i.message).join("; ") };
  const { name, ...rest } = result.data;
  return { ok: true, args: name ? { ...rest, name } : rest };
}
