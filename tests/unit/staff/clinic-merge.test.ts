import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { editClinicAction } from "@/lib/actions/edit-clinic";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { addClinicRevision } from "@/lib/db/content-revisions";
import type { ClinicRevision } from "@/lib/db/types";
import type { StaffActor } from "@/lib/staff/actor";
import { combinedClinicNotice, valueChanges } from "@/lib/staff/clinic-merge";
import { formatTimeOfDay } from "@/lib/staff/format";
import type { ClinicEditorState } from "@/lib/validations/clinic-form";
import type { Clinic } from "@/lib/validations/clinic-schema";
import { DATABASES, type TestDb } from "../db/test-databases";
import { clinicPost, readOnlyCopy, redirectOf } from "./action-harness";

/*
 * A second publish of the clinic details merges with the colleague's that
 * came first, field by field and opening time by opening time: what only one
 * changed combines and is published on top of theirs; the same field changed
 * differently publishes nothing, keeps every typed value and asks, field by
 * field, whose to keep.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown, audited: [] as string[] }));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const sam: StaffActor = {
  accountId: "account-sam",
  name: "Sam Reception",
  email: "sam@example.com",
  // The front desk keeps the clinic details (lib/validations/permissions.ts).
  role: "front-desk",
  sessionId: "session-sam",
};
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => sam }));
vi.mock("@/lib/staff/audit", () => ({
  audit: async (event: string) => {
    current.audited.push(event);
    return true;
  },
}));
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => current.db,
}));

const FILE = loadClinic();
const START: ClinicEditorState = { values: {} as never, errors: {}, answer: 0 };
// 14:02 in the clinic's time zone on 2 December 2026 (America/Chicago: UTC-6).
const AT_1402 = new Date(Date.UTC(2026, 11, 2, 20, 2));

describe.each(DATABASES)("publishing clinic details over a colleague's, on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    current.db = t.db;
  });
  afterAll(() => t.dispose());
  beforeEach(async () => {
    current.audited = [];
    await t.db.deleteFrom("clinic_revisions").execute();
  });

  /** A colleague's publish, straight into the database, on top of `parent` (0: the file). */
  const alexPublishes = async (clinic: Clinic, parent: number) => {
    const result = await addClinicRevision(t.db, {
      author: "Alex Practitioner",
      accountId: "account-alex",
      note: null,
      clinic,
      baseHash: null,
      parentId: parent,
      now: AT_1402,
    });
    if (!result.ok) throw new Error("expected Alex's publish to land");
    return result.revision;
  };
  /** Sam's form, opened on revision `parentId`, with `changes` typed over the file's values. */
  const samPosts = (parentId: number, changes: Record<string, string> = {}) => {
    const posted = clinicPost(changes);
    posted.set("parentId", String(parentId));
    return posted;
  };
  const newest = () =>
    t.db.selectFrom("clinic_revisions").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
  const clinicOf = (revision: ClinicRevision) => JSON.parse(revision.clinic) as Clinic;
  const count = async () =>
    (await t.db.selectFrom("clinic_revisions").select("id").execute()).length;

  it("combines different fields and publishes on top of theirs, saying whose changes of when", async () => {
    const opened = await alexPublishes(FILE, 0);
    const theirs = await alexPublishes({ ...FILE, email: "desk@clinic.example" }, opened.id);

    const to = await redirectOf(
      editClinicAction(START, samPosts(opened.id, { phone: "+1 555 010 7777" })),
    );
    expect(to).toBe("/staff/clinic?notice=combined");
    const published = await newest();
    expect(clinicOf(published)).toMatchObject({
      phone: "+1 555 010 7777",
      email: "desk@clinic.example",
    });
    expect(published).toMatchObject({
      parent_id: theirs.id,
      author: "Sam Reception",
      account_id: "account-sam",
      note: "Combined with Alex Practitioner's changes of 14:02.",
    });
    expect(formatTimeOfDay(theirs.created_at, FILE.timezone)).toBe("14:02");
    expect(current.audited).toEqual(["clinic-changed"]);
    expect(await combinedClinicNotice(t.db, published, FILE.timezone)).toBe(
      "Published, combined with Alex Practitioner's changes of 14:02. Every page shows the new details now.",
    );
  });

  it("merges from the file when the form was opened before anything was published here", async () => {
    await alexPublishes({ ...FILE, tagline: "Their tagline." }, 0);
    expect(
      await redirectOf(editClinicAction(START, samPosts(0, { replyWithin: "two days" }))),
    ).toBe("/staff/clinic?notice=combined");
    expect(clinicOf(await newest())).toMatchObject({
      tagline: "Their tagline.",
      replyWithin: "two days",
    });
  });

  it("takes the same change made by both once, with nothing to choose", async () => {
    const opened = await alexPublishes(FILE, 0);
    await alexPublishes({ ...FILE, phone: "+1 555 010 2222" }, opened.id);
    expect(
      await redirectOf(editClinicAction(START, samPosts(opened.id, { phone: "+1 555 010 2222" }))),
    ).toBe("/staff/clinic?notice=combined");
    expect(clinicOf(await newest()).phone).toBe("+1 555 010 2222");
  });

  it("publishes nothing for the same field changed differently, keeps what was typed, and asks field by field", async () => {
    const opened = await alexPublishes(FILE, 0);
    const alexHours = FILE.openingHours.map((row, i) =>
      i === 0 ? { ...row, closes: "17:00" } : row,
    );
    const theirs = await alexPublishes(
      { ...FILE, phone: "+1 555 010 2222", openingHours: alexHours, tagline: "Theirs." },
      opened.id,
    );
    const mine = () => {
      const posted = samPosts(opened.id, {
        phone: "+1 555 010 1111",
        email: "sam@clinic.example",
        note: "New number",
      });
      posted.set("hours.0.closes", "19:00");
      return posted;
    };

    const asked = await editClinicAction(START, mine());
    expect(await count()).toBe(2);
    expect(current.audited).toEqual([]);
    expect(asked.formError).toMatch(
      /^Not published yet: Alex Practitioner published clinic details at .*, after you opened them, and you both changed Phone and Opening hours\./,
    );
    // Every typed value stays in the form, still opened on the same revision.
    expect(asked.values.text).toMatchObject({
      phone: "+1 555 010 1111",
      email: "sam@clinic.example",
    });
    expect(asked.values.hours[0]?.closes).toBe("19:00");
    expect(asked.values.note).toBe("New number");
    expect(asked.values.parentId).toBe(opened.id);
    const conflicts = asked.merge?.conflicts ?? [];
    expect(conflicts.map((c) => [c.label, c.was, c.mine.text, c.theirs.text])).toEqual([
      ["Phone", undefined, "+1 555 010 1111", "+1 555 010 2222"],
      [
        "Opening hours",
        "Monday, Tuesday, Thursday: 09:00 to 18:00",
        "Monday, Tuesday, Thursday: 09:00 to 19:00",
        "Monday, Tuesday, Thursday: 09:00 to 17:00",
      ],
    ]);
    // The differences are marked word by word, against what both opened.
    expect(conflicts[0]?.mine.changes).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: expect.stringContaining("0123") },
        { kind: "added", text: expect.stringContaining("1111") },
      ]),
    );
    const [phone = "", hours = ""] = conflicts.map((c) => c.id);

    // One choice made: still nothing published, the missing one named, the made one ticked again.
    const partly = mine();
    partly.set(`merge-${phone}`, "mine");
    const half = await editClinicAction(asked, partly);
    expect(half.formError).toMatch(/choose Keep mine or Take theirs for Opening hours below/);
    expect(half.merge?.choices).toEqual({ [phone]: "mine" });
    expect(await count()).toBe(2);

    const decided = mine();
    decided.set(`merge-${phone}`, "mine");
    decided.set(`merge-${hours}`, "theirs");
    expect(await redirectOf(editClinicAction(half, decided))).toBe("/staff/clinic?notice=combined");
    const published = await newest();
    expect(published).toMatchObject({
      parent_id: theirs.id,
      author: "Sam Reception",
      note: "New number Combined with Alex Practitioner's changes of 14:02.",
    });
    expect(clinicOf(published)).toMatchObject({
      phone: "+1 555 010 1111",
      email: "sam@clinic.example",
      tagline: "Theirs.",
      openingHours: alexHours,
    });
    expect(current.audited).toEqual(["clinic-changed"]);
  });

  it("asks again when the typed value changed after the choice was made", async () => {
    const opened = await alexPublishes(FILE, 0);
    await alexPublishes({ ...FILE, phone: "+1 555 010 2222" }, opened.id);
    const asked = await editClinicAction(START, samPosts(opened.id, { phone: "+1 555 010 1111" }));
    const id = asked.merge?.conflicts[0]?.id ?? "";
    const retyped = samPosts(opened.id, { phone: "+1 555 010 3333" });
    retyped.set(`merge-${id}`, "mine");
    const again = await editClinicAction(asked, retyped);
    expect(again.formError).toMatch(/choose Keep mine or Take theirs for Phone below/);
    expect(again.merge?.conflicts[0]?.mine.text).toBe("+1 555 010 3333");
    expect(await count()).toBe(2);
  });

  it("refuses a combination that fails the checks, naming the field, and keeps what was typed", async () => {
    const withBooking = { ...FILE, bookingUrl: "https://willowlane.janeapp.com" };
    const opened = await alexPublishes(withBooking, 0);
    // Alex removes the booking page; Sam, on the version with it, gives the link a label.
    await alexPublishes(FILE, opened.id);
    const answer = await editClinicAction(
      START,
      samPosts(opened.id, { bookingUrl: withBooking.bookingUrl, bookingLabel: "Book a visit" }),
    );
    expect(answer.formError).toMatch(
      /^Not published: your changes combined with Alex Practitioner's changes of 14:02 do not pass the checks \(Online booking page .* needs the booking page address too/,
    );
    expect(answer.values.text).toMatchObject({ bookingLabel: "Book a visit" });
    expect(await count()).toBe(2);
  });

  it("answers a database that refuses the combined publish with a message, everything typed kept", async () => {
    const opened = await alexPublishes(FILE, 0);
    await alexPublishes({ ...FILE, email: "desk@clinic.example" }, opened.id);
    const readOnly = await readOnlyCopy(t);
    current.db = readOnly;
    try {
      const answer = await editClinicAction(
        START,
        samPosts(opened.id, { phone: "+1 555 010 7777" }),
      );
      expect(answer.formError).toMatch(/^Not published: .*Everything you typed is kept below\./);
      expect(answer.values.text.phone).toBe("+1 555 010 7777");
      expect(current.audited).toEqual([]);
    } finally {
      current.db = t.db;
      await readOnly.destroy();
    }
    expect(await count()).toBe(2);
  });
});

describe("the marks on a clinic detail both changed", () => {
  it("replaces a time or a number as a whole, cut only at spaces", () => {
    expect(valueChanges("Monday: 09:00 to 18:00", "Monday: 09:00 to 19:15")).toEqual([
      { kind: "same", text: "Monday: 09:00 to " },
      { kind: "removed", text: "18:00" },
      { kind: "added", text: "19:15" },
    ]);
    const lines = valueChanges(
      "Monday: 09:00 to 18:00",
      "Monday: 09:00 to 18:00\nSaturday: 09:00 to 12:00",
    );
    expect(lines.filter((c) => c.kind !== "same").map((c) => [c.kind, c.text])).toEqual([
      ["added", "\nSaturday: 09:00 to 12:00"],
    ]);
    expect(valueChanges("", "+1 555 010 1111")).toEqual([
      { kind: "added", text: "+1 555 010 1111" },
    ]);
  });
});
