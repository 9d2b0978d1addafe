import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { submitConsultation } from "@/lib/consultation/submit";
import { totalsSince } from "@/lib/db/insights";
import { countRequestPage, requestPage } from "@/lib/insights/flush";
import { DATABASES, type TestDb } from "../db/test-databases";
import { SUBMITTED_AT, testDeps, toFormData, validForm } from "../consultation/fixtures";

vi.mock("@/lib/mail/notification-runner", () => ({ kickNotifications: vi.fn() }));

/*
 * A stored request adds one to the count of the page its form was opened
 * from (the hidden field), checked against the published pages: a spam
 * request, a re-sent form or a refused one adds nothing.
 */
describe.each(DATABASES)(
  "requests counted by the page they were sent after, on $name",
  ({ open }) => {
    let t: TestDb;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(() => t.dispose());

    it("counts a stored request once, under its page or unknown, and never spam", async () => {
      const known = new Set(["/", "/benefits"]);
      const deps = (clientHash: string) =>
        testDeps(t.db, {
          clientHash,
          countOpenedFrom: (from) => countRequestPage(t.db, requestPage(from, known), SUBMITTED_AT),
        });
      const form = (from: string, more: Record<string, string> = {}) =>
        toFormData(validForm({ openedFrom: from, ...more }));
      const first = form("/benefits");
      expect((await submitConsultation(first, deps("a"))).status).toBe("received");
      // The same form sent again (same idempotency key): the request it already stored.
      expect((await submitConsultation(first, deps("a"))).status).toBe("received");
      expect((await submitConsultation(form("/not-a-page"), deps("b"))).status).toBe("received");
      expect(
        (
          await submitConsultation(
            form("/benefits", { website: "https://spam.example" }),
            deps("c"),
          )
        ).status,
      ).toBe("received");
      expect(
        (await submitConsultation(form("/benefits", { email: "nope" }), deps("d"))).status,
      ).toBe("invalid");
      expect(await totalsSince(t.db, "requestPages", "2025-03-03")).toEqual([
        { key: "/benefits", count: 1 },
        { key: "unknown", count: 1 },
      ]);
    });
  },
);
