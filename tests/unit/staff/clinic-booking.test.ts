import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { editClinicAction } from "@/lib/actions/edit-clinic";
import type { StaffActor } from "@/lib/staff/actor";
import { DATABASES, type TestDb } from "../db/test-databases";
import { clinicPost, redirectOf } from "./action-harness";

/*
 * The booking page in the staff clinic details editor: the same schema as
 * clinic.yaml checks it, a wrong address is answered on its field with
 * everything typed kept, and a right one is published with the details.
 */
const current = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("next/navigation", async () => (await import("./action-harness")).navigation);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const owner: StaffActor = {
  accountId: "account-sam",
  name: "Sam Owner",
  email: "sam@example.com",
  role: "owner",
  sessionId: "session-sam",
};
vi.mock("@/lib/staff/actor", () => ({ getStaffActor: async () => owner }));
vi.mock("@/lib/staff/audit", () => ({ audit: async () => true }));
vi.mock("@/lib/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => current.db,
}));

const post = (booking: { bookingUrl: string; bookingLabel: string }) => clinicPost(booking);

describe.each(DATABASES)("the booking page in the clinic details editor, on $name", ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    current.db = t.db;
  });
  afterAll(() => t.dispose());

  const revisions = () => t.db.selectFrom("clinic_revisions").select("clinic").execute();

  it("answers an http:// address on its field, keeps what was typed and publishes nothing", async () => {
    const typed = { bookingUrl: "http://willowlane.janeapp.com", bookingLabel: "Book a visit" };
    const answer = await editClinicAction(
      { values: {} as never, errors: {}, answer: 0 },
      post(typed),
    );
    expect(answer.errors).toEqual({ bookingUrl: expect.stringMatching(/https:\/\/ address/) });
    expect(answer.formError).toMatch(/Not published/);
    expect(answer.values.text).toMatchObject(typed);
    expect(await revisions()).toEqual([]);
  });

  it("publishes an https:// address with its label", async () => {
    const typed = { bookingUrl: "https://willowlane.janeapp.com", bookingLabel: "Book a visit" };
    const published = editClinicAction({ values: {} as never, errors: {}, answer: 0 }, post(typed));
    expect(await redirectOf(published)).toBe("/staff/clinic?notice=published");
    const stored = (await revisions()).map((row) => JSON.parse(row.clinic) as object);
    expect(stored).toEqual([expect.objectContaining(typed)]);
  });
});
