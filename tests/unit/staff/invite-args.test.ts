import { describe, expect, it } from "vitest";
import { INVITE_USAGE, parseInviteArgs } from "@/lib/staff/invite-args";

describe("npm run staff:invite arguments", () => {
  it("takes an email, a role and an optional name", () => {
    expect(parseInviteArgs(["owner@example.com", "--role", "owner"])).toEqual({
      ok: true,
      args: { email: "owner@example.com", role: "owner" },
    });
    expect(
      parseInviteArgs(["desk@example.com", "--role", "front-desk", "--name", "Robin Desk"]),
    ).toEqual({
      ok: true,
      args: { email: "desk@example.com", role: "front-desk", name: "Robin Desk" },
    });
  });

  it("says what is wrong for each mistake", () => {
    const problem = (argv: string[]) => {
      const result = parseInviteArgs(argv);
      return result.ok ? "" : result.problem;
    };
    expect(problem([])).toMatch(/email address first/);
    expect(problem(["owner@example.com"])).toMatch(/--role is required/);
    expect(problem(["owner", "--role", "owner"])).toMatch(/email address is not valid/);
    expect(problem(["a@example.com", "--role", "boss"])).toMatch(
      /--role must be one of owner, practitioner, front-desk, editor/,
    );
    expect(problem(["a@example.com", "--role", "owner", "Full", "Name"])).toMatch(/in quotes/);
    expect(problem(["a@example.com", "--role", "owner", "--colour", "red"])).toMatch(/colour/);
    expect(INVITE_USAGE).toContain("npm run staff:invite -- <email> --role");
  });
});
