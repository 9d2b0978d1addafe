import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv, resetEnvCache } from "@/lib/env";
import { errorLine, logEvent, resetLogger, type LogFields } from "@/lib/log";
import { LOG_EVENTS, LOG_LEVELS } from "@/lib/log-events";
import { requestIdFrom } from "@/lib/request-id";
import { captureLog } from "./log-capture";

/*
 * The operator's log (lib/log.ts): one JSON line per event on stdout, at the
 * level LOG_LEVEL allows, with no personal value in it.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function withLogLevel(level: string | undefined) {
  if (level === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = level;
  resetEnvCache();
  resetLogger();
}

afterEach(() => withLogLevel(undefined));

describe("a log line", () => {
  it("is one line of JSON with time, level, event, its sentence and the fields given", () => {
    const log = captureLog();
    logEvent("export.csv", { requestId: "r-1", durationMs: 12.5, status: 200, path: "/x.csv" });
    log.restore();
    expect(log.text().endsWith("\n")).toBe(true);
    expect(log.text().trimEnd().split("\n")).toHaveLength(1);
    const [line] = log.lines();
    expect(line).toEqual({
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      event: "export.csv",
      msg: LOG_EVENTS["export.csv"].text,
      requestId: "r-1",
      durationMs: 12.5,
      status: 200,
      path: "/x.csv",
    });
    expect(Math.abs(Date.parse(line!.time) - Date.now())).toBeLessThan(5_000);
  });

  it("takes its level from the catalogue", () => {
    const log = captureLog();
    logEvent("mail.retry");
    logEvent("db.failed", { action: "test" });
    log.restore();
    expect(log.lines().map((line) => [line.event, line.level])).toEqual([
      ["mail.retry", "warn"],
      ["db.failed", "error"],
    ]);
  });
});

describe("LOG_LEVEL", () => {
  it("is info by default: debug events (an idle job) are left out", () => {
    withLogLevel(undefined);
    const log = captureLog();
    logEvent("job.idle", { job: "pruning" });
    logEvent("job.run", { job: "pruning", counts: { requests: 1 } });
    log.restore();
    expect(log.lines().map((line) => line.event)).toEqual(["job.run"]);
  });

  it("filters by level: warn keeps warnings and errors, silent keeps nothing", () => {
    withLogLevel("warn");
    let log = captureLog();
    logEvent("mail.off");
    logEvent("mail.retry");
    logEvent("mail.failed");
    log.restore();
    expect(log.lines().map((line) => line.event)).toEqual(["mail.retry", "mail.failed"]);

    withLogLevel("debug");
    log = captureLog();
    logEvent("job.idle", { job: "pruning" });
    log.restore();
    expect(log.lines().map((line) => line.event)).toEqual(["job.idle"]);

    withLogLevel("silent");
    log = captureLog();
    logEvent("config.invalid", { error: "x" });
    log.restore();
    expect(log.text()).toBe("");
  });

  it("accepts every level pino knows, and refuses anything else naming the variable", () => {
    for (const level of LOG_LEVELS) expect(parseEnv({ LOG_LEVEL: level }).LOG_LEVEL).toBe(level);
    expect(parseEnv({}).LOG_LEVEL).toBe("info");
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(
      /^Invalid environment variables:\n {2}LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent$/,
    );
  });
});

describe("personal data", () => {
  it("is redacted by key, as a second line of defence", () => {
    const log = captureLog();
    const mistaken = {
      action: "a test",
      email: "pat@example.com",
      phone: "+44 7700 900123",
      settings: { password: "hunter2", name: "Pat Doe", note: "back pain" },
    } as unknown as LogFields;
    logEvent("db.failed", mistaken);
    log.restore();
    expect(log.text()).not.toMatch(/pat@example|7700|hunter2|Pat Doe|back pain/);
    expect(log.lines()[0]).toMatchObject({
      action: "a test",
      email: "[redacted]",
      phone: "[redacted]",
      settings: { password: "[redacted]", name: "[redacted]", note: "[redacted]" },
    });
  });

  it("is taken out of error messages that quote an address (a mail server's refusal)", () => {
    const refusal = Object.assign(new Error("550 5.1.1 <pat.doe@example.com>: no such user"), {
      code: "EENVELOPE",
    });
    expect(errorLine(refusal)).toBe("EENVELOPE: 550 5.1.1 <[address]>: no such user");
  });
});

describe("an unhandled error (instrumentation.ts onRequestError)", () => {
  it("logs the route without its query, the digest and the message; never headers or body", async () => {
    const { onRequestError } = await import("@/instrumentation");
    process.env.NEXT_RUNTIME = "nodejs";
    const log = captureLog();
    const error = Object.assign(new Error("boom in render"), { digest: "4242" });
    await onRequestError(
      error,
      {
        path: "/staff/requests?q=zqpat%40example.com",
        method: "GET",
        headers: { cookie: "clinic-session=zqsession", "x-forwarded-for": "203.0.113.9" },
      },
      {
        routerKind: "App Router",
        routePath: "/staff/requests",
        routeType: "render",
        revalidateReason: undefined,
      },
    );
    log.restore();
    delete process.env.NEXT_RUNTIME;
    expect(log.events("request.error")).toEqual([
      expect.objectContaining({
        level: "error",
        path: "/staff/requests",
        subject: "/staff/requests",
        digest: "4242",
        error: "boom in render",
        requestId: expect.stringMatching(UUID),
      }),
    ]);
    expect(log.text()).not.toMatch(/zq|203\.0\.113/);
  });
});

describe("the request id", () => {
  it("keeps a UUID a proxy sent and makes a new one for anything else", () => {
    const given = "0b6e7c1a-3f2d-4c5e-9a8b-7d6c5b4a3f21";
    expect(requestIdFrom(new Headers({ "x-request-id": given }))).toBe(given);
    for (const sent of ["", "pat@example.com", "abc", `${given}x`, "x".repeat(5000)]) {
      const id = requestIdFrom(new Headers({ "x-request-id": sent }));
      expect([sent, id]).toEqual([sent, expect.stringMatching(UUID)]);
    }
    expect(requestIdFrom(new Headers())).toMatch(UUID);
    expect(requestIdFrom(new Headers())).not.toBe(requestIdFrom(new Headers()));
  });
});

describe("the server's code", () => {
  const sources = (roots: string[]) =>
    roots.flatMap((root) =>
      root.endsWith(".ts")
        ? [root]
        : readdirSync(root, { recursive: true, encoding: "utf8" })
            .filter((file) => /\.(ts|tsx|cjs|mjs)$/.test(file))
            .map((file) => path.join(root, file)),
    );
  const server = sources(["lib", "app", "instrumentation.ts", "proxy.ts"]);

  it("writes to the log only through lib/log.ts: no console.* on the server side", () => {
    expect(server.length).toBeGreaterThan(50);
    const offenders = server.filter((file) => /\bconsole\.\w+\(/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("uses every event in the catalogue, so the list an operator reads is the real one", () => {
    const code = [...server, ...sources(["scripts"])]
      .filter((file) => file !== path.join("lib", "log-events.ts"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unused = Object.keys(LOG_EVENTS).filter((event) => !code.includes(`"${event}"`));
    expect(unused).toEqual([]);
  });
});
