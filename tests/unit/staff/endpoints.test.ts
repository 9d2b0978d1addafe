import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { captureLog } from "../log-capture";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/types";
import type { StaffActor } from "@/lib/staff/actor";
import {
  homeOf,
  STAFF_ACTIONS,
  STAFF_PAGES,
  STAFF_ROUTES,
  toolbarLinks,
  type Access,
} from "@/lib/staff/endpoints";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Role } from "@/lib/validations/permissions";
import { sqliteTestDb, type TestDb } from "../db/test-databases";
import { Forbidden, Redirected } from "./action-harness";

/*
 * The permission table, enforced: generated from lib/staff/endpoints.ts and
 * ROLE_PERMISSIONS, every staff page, route and action is called directly as
 * each role (the request around it stood in for) and must refuse exactly the
 * roles the table leaves out, with 403 before it reads the form or opens the
 * database. A page, route or "use server" export missing from the catalogue
 * fails here, so nothing new goes out without a rule.
 */
const current = vi.hoisted(() => ({
  actor: null as StaffActor | null,
  db: undefined as unknown,
  dbOpened: 0,
  audited: [] as { event: string; detail?: Record<string, unknown> }[],
}));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/staff/actor", () => ({
  getStaffActor: async () => current.actor,
  requireStaffActor: async () => current.actor,
}));
vi.mock("@/lib/staff/auth", async () => {
  const { session } = await import("./action-harness");
  return {
    staffAreaEnabled: () => true,
    getStaffSession: async () => session,
    endStaffSession: async () => undefined,
    withoutActivity: <T>(run: () => Promise<T>) => run(),
  };
});
// The audit log's own tests are in tests/unit/staff/audit*.test.ts; here: what is recorded.
vi.mock("@/lib/staff/audit", async (original) => {
  const record = async (event: string, _object: unknown, detail?: Record<string, unknown>) => {
    current.audited.push({ event, detail });
    return true;
  };
  return { ...(await original<object>()), audit: record, auditDisclosure: record };
});
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => {
    current.dbOpened++;
    return current.db;
  },
}));
vi.mock("@/lib/content/site/site", async (original) => {
  const real = await original<typeof import("@/lib/content/site/site")>();
  return {
    ...real,
    getSite: () => real.loadSite(current.db as Kysely<Database>, { includeDrafts: true }),
  };
});
// Their failures are logged: kept off the test output.
captureLog();

const pageModules = import.meta.glob<{ default: (props: unknown) => Promise<unknown> }>(
  "/app/staff/**/page.tsx",
);
const routeModules = import.meta.glob<Record<string, (request: Request) => Promise<Response>>>(
  "/app/staff/**/route.ts",
);
const actionModules = import.meta.glob<Record<string, unknown>>("/lib/actions/*.ts");

/** What the table itself says, worked out here rather than through the code under test. */
function tableAllows(role: Role, access: Access): boolean {
  if (access === "anyone" || access === "signed-in") return true;
  return access.every((permission) => ROLE_PERMISSIONS[role].includes(permission));
}

const actorOf = (role: Role): StaffActor => ({
  accountId: `account-${role}`,
  name: `A ${role}`,
  email: `${role}@example.com`,
  role,
  sessionId: `session-${role}`,
});

/** A form that counts how often it is read: a refusal must not read it at all. */
function countedForm() {
  const data = new FormData();
  let reads = 0;
  for (const method of ["get", "getAll", "has", "entries", "keys", "values", "forEach"] as const) {
    const real = data[method].bind(data) as (...args: unknown[]) => unknown;
    Object.defineProperty(data, method, {
      value: (...args: unknown[]) => {
        reads++;
        return real(...args);
      },
    });
  }
  return { data, reads: () => reads };
}

/** A request that counts reads of its body. */
function countedRequest(method: string, url: string) {
  const request = new Request(url, {
    method,
    headers: { host: "localhost", origin: "http://localhost" },
  });
  let reads = 0;
  for (const name of ["formData", "text", "json", "arrayBuffer", "blob"] as const) {
    Object.defineProperty(request, name, {
      value: async () => {
        reads++;
        throw new Error("no body in this test");
      },
    });
  }
  return { request, reads: () => reads };
}

async function outcomeOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return error;
  }
}

const isRefusal = (outcome: unknown) =>
  outcome instanceof Forbidden || (outcome instanceof Response && outcome.status === 403);

const roleCases = ROLES.map((role) => ({ role }));

/** The audit entry a refusal leaves: which endpoint, and the permissions the role lacked. */
const refused = (endpoint: string) => ({
  event: "permission-refused",
  detail: { endpoint, permission: expect.stringMatching(/^[a-z.-]+(, [a-z.-]+)*$/) },
});

let t: TestDb;
beforeAll(async () => {
  t = await sqliteTestDb();
  current.db = t.db;
});
afterAll(() => t.dispose());

describe("the catalogue covers every staff endpoint", () => {
  const root = process.cwd();
  const catalogued = (entries: Record<string, { file: string }>) =>
    new Set(Object.values(entries).map((entry) => `/${entry.file}`));

  it("lists every page under app/staff, and no page that is gone", () => {
    expect(Object.keys(pageModules).length).toBeGreaterThan(0);
    expect([...catalogued(STAFF_PAGES)].sort()).toEqual(Object.keys(pageModules).sort());
  });

  it("lists every route under app/staff with each method it exports", async () => {
    const exported: string[] = [];
    for (const [file, load] of Object.entries(routeModules)) {
      const methods = Object.keys(await load()).filter((name) => /^[A-Z]+$/.test(name));
      const url = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "");
      exported.push(...methods.map((method) => `${method} ${url} ${file}`));
    }
    const listed = Object.entries(STAFF_ROUTES).map(([key, entry]) => `${key} /${entry.file}`);
    expect(listed.sort()).toEqual(exported.sort());
  });

  it('lists every export of every "use server" file in lib/actions, under its own file', async () => {
    const exported: string[] = [];
    for (const [file, load] of Object.entries(actionModules)) {
      const source = readFileSync(path.join(root, file), "utf8");
      if (!/^\s*["']use server["'];/.test(source)) continue;
      const loaded = await load();
      exported.push(...Object.keys(loaded).map((name) => `${name} ${file}`));
    }
    expect(exported.length).toBeGreaterThan(5);
    const listed = Object.entries(STAFF_ACTIONS).map(([name, entry]) => `${name} /${entry.file}`);
    expect(listed.sort()).toEqual(exported.sort());
  });

  it("names only permissions the table knows", () => {
    const all = [STAFF_PAGES, STAFF_ROUTES, STAFF_ACTIONS].flatMap((e) => Object.values(e));
    for (const { access } of all as { access: Access }[]) {
      if (typeof access === "string") expect(["anyone", "signed-in"]).toContain(access);
      else for (const p of access) expect(Object.keys(PERMISSIONS)).toContain(p);
    }
  });
});

describe.each(roleCases)("as $role", ({ role }) => {
  const allowed = (access: Access) => tableAllows(role, access);

  it.each(Object.entries(STAFF_ACTIONS).filter(([, e]) => e.access !== "anyone"))(
    "action %s follows the table",
    async (name, entry) => {
      const loaded = await actionModules[`/${entry.file}`]!();
      const action = loaded[name] as (...args: unknown[]) => Promise<unknown>;
      current.actor = actorOf(role);
      current.dbOpened = 0;
      current.audited = [];
      current.audited = [];
      const form = countedForm();
      const previous = { answer: 0, values: { hours: [], fields: {} }, errors: {}, status: "" };
      const outcome = await outcomeOf(() =>
        action.length >= 2 ? action(previous, form.data) : action(form.data),
      );
      if (allowed(entry.access)) {
        expect(isRefusal(outcome), `${name} refused ${role}: ${String(outcome)}`).toBe(false);
      } else {
        expect(outcome).toBeInstanceOf(Forbidden);
        expect({ formReads: form.reads(), dbOpened: current.dbOpened }).toEqual({
          formReads: 0,
          dbOpened: 0,
        });
        expect(current.audited).toEqual([refused(name)]);
      }
    },
  );

  it.each(Object.entries(STAFF_ROUTES))("route %s follows the table", async (key, entry) => {
    const [method, url] = key.split(" ") as [string, string];
    const handler = (await routeModules[`/${entry.file}`]!())[method]!;
    current.actor = actorOf(role);
    current.dbOpened = 0;
    current.audited = [];
    const request = countedRequest(method, `http://localhost${url}`);
    const response = await handler(request.request);
    if (allowed(entry.access)) {
      expect(response.status, `${key} as ${role}`).not.toBe(403);
    } else {
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/^Refused: your role does not include the permission/);
      expect({ bodyReads: request.reads(), dbOpened: current.dbOpened }).toEqual({
        bodyReads: 0,
        dbOpened: 0,
      });
      expect(current.audited).toEqual([refused(key)]);
    }
  });

  it.each(Object.entries(STAFF_PAGES))("page %s follows the table", async (url, entry) => {
    const page = (await pageModules[`/${entry.file}`]!()).default;
    current.actor = actorOf(role);
    current.dbOpened = 0;
    current.audited = [];
    const outcome = await outcomeOf(() =>
      page({
        params: Promise.resolve({ slug: "no-such-page", reference: "NOPE" }),
        searchParams: Promise.resolve({}),
      }),
    );
    if (allowed(entry.access)) {
      expect(isRefusal(outcome), `${url} refused ${role}: ${String(outcome)}`).toBe(false);
    } else {
      // /staff is where every sign-in lands: a role without the inbox goes on to its own first page.
      if (url === "/staff") expect(outcome).toEqual(new Redirected(homeOf(role)));
      else {
        expect(outcome).toBeInstanceOf(Forbidden);
        expect(current.audited).toEqual([refused(url)]);
      }
      expect(current.dbOpened).toBe(0);
    }
  });

  it("lands on a page it may open, and its toolbar links only to pages it may open", () => {
    const home = homeOf(role);
    expect(tableAllows(role, STAFF_PAGES[home].access)).toBe(true);
    const links = toolbarLinks(role).map((link) => link.href);
    expect(links).toContain(home);
    for (const [url, entry] of Object.entries(STAFF_PAGES))
      if ("label" in entry) expect(links.includes(url as never)).toBe(allowed(entry.access));
  });
});

describe("signed out", () => {
  it.each(Object.entries(STAFF_ACTIONS).filter(([, e]) => e.access !== "anyone"))(
    "action %s changes nothing and opens no database",
    async (name, entry) => {
      const action = (await actionModules[`/${entry.file}`]!())[name] as (
        ...args: unknown[]
      ) => Promise<unknown>;
      current.actor = null;
      current.dbOpened = 0;
      current.audited = [];
      current.audited = [];
      const previous = { answer: 0 };
      const outcome = await outcomeOf(() =>
        action.length >= 2 ? action(previous, new FormData()) : action(new FormData()),
      );
      // To sign-in, or (where a redirect would lose the typing) an answer that says so.
      if (outcome instanceof Redirected) expect(outcome.to).toBe("/staff");
      else expect(JSON.stringify(outcome)).toMatch(/signed out|signed-out/);
      expect(current.dbOpened).toBe(0);
      expect(current.audited).toEqual([]);
    },
  );

  it.each(Object.entries(STAFF_ROUTES))("route %s answers sign-in", async (key, entry) => {
    const [method, url] = key.split(" ") as [string, string];
    const handler = (await routeModules[`/${entry.file}`]!())[method]!;
    current.actor = null;
    current.dbOpened = 0;
    current.audited = [];
    const response = await handler(countedRequest(method, `http://localhost${url}`).request);
    expect([401, 303]).toContain(response.status);
    expect(current.dbOpened).toBe(0);
  });
});
