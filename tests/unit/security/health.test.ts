import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db/client";
import { healthResponse } from "@/lib/health";
import { sqliteTestDb } from "../db/test-databases";

describe("GET /healthz", () => {
  let t: Awaited<ReturnType<typeof sqliteTestDb>>;
  beforeAll(async () => {
    t = await sqliteTestDb();
  });
  afterAll(() => t.dispose());

  it("answers 200 ok, never cached, when the database answers", async () => {
    const response = await healthResponse(Promise.resolve(t.db));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with no detail when the database does not", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const gone = createDb({
      databaseUrl: "postgres://nobody:nothing@127.0.0.1:1/none",
      dataDir: "",
    });
    const response = await healthResponse(Promise.resolve(gone));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("unavailable");
    expect(response.headers.get("cache-control")).toBe("no-store");
    await gone.destroy();
  });
});
