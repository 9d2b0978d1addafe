import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { hoursRowText, mergeClinic, type ClinicDetails } from "@/lib/content/merge/merge-clinic";
import { CLINIC_TEXT_FIELDS, clinicToValues, type HoursRow } from "@/lib/validations/clinic-form";

/*
 * The clinic details of two colleagues merged field by field, the opening
 * hours row by row: what only one changed combines, the same field changed
 * differently is a choice, and nothing is published until every choice is made.
 */
const BASE: ClinicDetails = {
  ...clinicToValues(loadClinic()),
  hours: [
    { days: ["Monday", "Tuesday"], opens: "09:00", closes: "17:00" },
    { days: ["Wednesday"], opens: "12:00", closes: "20:00" },
    { days: ["Friday"], opens: "09:00", closes: "13:00" },
  ],
};
const edit = (
  changes: { text?: Record<string, string>; flags?: Record<string, boolean>; hours?: HoursRow[] },
  from: ClinicDetails = BASE,
): ClinicDetails => ({
  text: { ...from.text, ...changes.text },
  flags: { ...from.flags, ...changes.flags },
  hours: changes.hours ?? from.hours.map((row) => ({ ...row, days: [...row.days] })),
});
const row = (days: string[], opens: string, closes: string): HoursRow => ({ days, opens, closes });

describe("merging clinic details", () => {
  it("combines changes to different fields made by each side", () => {
    const mine = edit({ text: { phone: "+1 555 010 7777" }, flags: { electroacupuncture: false } });
    const theirs = edit({
      text: { "address.street": "12 New Street", email: "desk@clinic.example" },
    });
    const merge = mergeClinic(BASE, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    const merged = merge.resolve({});
    expect(merged?.text).toEqual({
      ...BASE.text,
      phone: "+1 555 010 7777",
      "address.street": "12 New Street",
      email: "desk@clinic.example",
    });
    expect(merged?.flags.electroacupuncture).toBe(false);
    expect(merged?.hours).toEqual(BASE.hours);
  });

  it("takes a change made the same way on both sides once, with no choice to make", () => {
    const both = { text: { phone: "+1 555 010 2222" }, flags: { acknowledgeRequests: false } };
    const merge = mergeClinic(BASE, edit(both), edit(both));
    expect(merge.conflicts).toEqual([]);
    expect(merge.resolve({})).toEqual(edit(both));
    // The same opening time added by both is added once.
    const saturday = edit({ hours: [...BASE.hours, row(["Saturday"], "09:00", "12:00")] });
    const rows = mergeClinic(BASE, saturday, saturday);
    expect(rows.conflicts).toEqual([]);
    expect(rows.resolve({})?.hours).toEqual(saturday.hours);
  });

  it("makes the same field changed differently a choice, naming it, and publishes nothing until chosen", () => {
    const mine = edit({ text: { phone: "+1 555 010 1111", tagline: "Mine" } });
    const theirs = edit({ text: { phone: "+1 555 010 2222", email: "desk@clinic.example" } });
    const merge = mergeClinic(BASE, mine, theirs);
    expect(merge.conflicts).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        place: { kind: "text", name: "phone" },
        label: "Phone",
        base: BASE.text.phone,
        mine: "+1 555 010 1111",
        theirs: "+1 555 010 2222",
      },
    ]);
    const id = merge.conflicts[0]?.id ?? "";
    expect(merge.resolve({})).toBeUndefined();
    // The other changes combine whichever way the choice goes.
    expect(merge.resolve({ [id]: "mine" })?.text).toMatchObject({
      phone: "+1 555 010 1111",
      tagline: "Mine",
      email: "desk@clinic.example",
    });
    expect(merge.resolve({ [id]: "theirs" })?.text).toMatchObject({
      phone: "+1 555 010 2222",
      tagline: "Mine",
      email: "desk@clinic.example",
    });
  });

  it("decides each conflict on its own", () => {
    const mine = edit({ text: { phone: "+1 555 010 1111", "address.street": "Mine 1" } });
    const theirs = edit({ text: { phone: "+1 555 010 2222", "address.street": "" } });
    const merge = mergeClinic(BASE, mine, theirs);
    expect(merge.conflicts.map((c) => c.label)).toEqual(["Street", "Phone"]);
    const [street = "", phone = ""] = merge.conflicts.map((c) => c.id);
    expect(merge.resolve({ [street]: "mine" })).toBeUndefined();
    expect(merge.resolve({ [street]: "theirs", [phone]: "mine" })?.text).toMatchObject({
      "address.street": "",
      phone: "+1 555 010 1111",
    });
  });

  it("takes a yes/no fact from whichever side changed it: both can only change it the same way", () => {
    const on = edit({ flags: { electroacupuncture: true, acknowledgeRequests: true } });
    const mine = edit({ flags: { electroacupuncture: false } }, on);
    const theirs = edit({ flags: { acknowledgeRequests: false } }, on);
    const merge = mergeClinic(on, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.resolve({})?.flags).toEqual({
      electroacupuncture: false,
      acknowledgeRequests: false,
    });
    expect(mergeClinic(on, mine, mine).resolve({})?.flags.electroacupuncture).toBe(false);
  });

  it("merges the opening hours row by row: a row added by one and a row changed by the other are both kept", () => {
    const mine = edit({
      hours: [...BASE.hours, row(["Saturday"], "09:00", "12:00")],
    });
    const theirs = edit({
      hours: BASE.hours.map((r, i) => (i === 1 ? row(["Wednesday"], "12:00", "19:00") : r)),
    });
    const merge = mergeClinic(BASE, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.resolve({})?.hours).toEqual([
      BASE.hours[0],
      row(["Wednesday"], "12:00", "19:00"),
      BASE.hours[2],
      row(["Saturday"], "09:00", "12:00"),
    ]);
  });

  it("makes the same row changed differently one choice, shown as the rows read", () => {
    const mine = edit({
      hours: BASE.hours.map((r, i) => (i === 0 ? row(["Monday", "Tuesday"], "08:00", "17:00") : r)),
    });
    const theirs = edit({
      hours: [row(["Monday"], "09:00", "17:00"), BASE.hours[1] as HoursRow],
    });
    const merge = mergeClinic(BASE, mine, theirs);
    expect(merge.conflicts).toEqual([
      expect.objectContaining({
        place: { kind: "hours" },
        label: "Opening hours",
        base: "Monday, Tuesday: 09:00 to 17:00",
        mine: "Monday, Tuesday: 08:00 to 17:00",
        theirs: "Monday: 09:00 to 17:00",
      }),
    ]);
    const id = merge.conflicts[0]?.id ?? "";
    // Their removal of the Friday row is theirs alone: it combines whatever is chosen.
    expect(merge.resolve({ [id]: "mine" })?.hours).toEqual([
      row(["Monday", "Tuesday"], "08:00", "17:00"),
      BASE.hours[1],
    ]);
    expect(merge.resolve({ [id]: "theirs" })?.hours).toEqual([
      row(["Monday"], "09:00", "17:00"),
      BASE.hours[1],
    ]);
  });

  it("knows a row by its days and times, whatever order the days were posted in", () => {
    expect(hoursRowText(row(["Tuesday", "Monday"], "09:00", "17:00"))).toBe(
      "Monday, Tuesday: 09:00 to 17:00",
    );
    const mine = edit({
      hours: [row(["Tuesday", "Monday"], "09:00", "17:00"), ...BASE.hours.slice(1)],
    });
    const theirs = edit({ text: { phone: "+1 555 010 4444" } });
    expect(mergeClinic(BASE, mine, theirs).conflicts).toEqual([]);
  });

  it("names conflicts by what they hold: a choice no longer fits once the typed value changes", () => {
    const theirs = edit({ text: { phone: "+1 555 010 2222" } });
    const first = mergeClinic(BASE, edit({ text: { phone: "+1 555 010 1111" } }), theirs);
    const again = mergeClinic(BASE, edit({ text: { phone: "+1 555 010 1111" } }), theirs);
    const retyped = mergeClinic(BASE, edit({ text: { phone: "+1 555 010 9999" } }), theirs);
    const id = first.conflicts[0]?.id ?? "";
    expect(again.resolve({ [id]: "mine" })?.text.phone).toBe("+1 555 010 1111");
    expect(retyped.resolve({ [id]: "mine" })).toBeUndefined();
  });

  it("keeps both sides' changes whenever they touch different fields (property)", () => {
    const names: string[] = CLINIC_TEXT_FIELDS.map((f) => f.name);
    const value = fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(names, { minLength: 0 }),
        fc.nat(),
        fc.array(value, { minLength: names.length, maxLength: names.length }),
        (fields, split, values) => {
          const cut = fields.length === 0 ? 0 : split % (fields.length + 1);
          const changes = (subset: string[]) =>
            Object.fromEntries(
              subset.map((name) => [name, `${values[names.indexOf(name)]}!${BASE.text[name]}`]),
            );
          const mineChanges = changes(fields.slice(0, cut));
          const theirChanges = changes(fields.slice(cut));
          const merge = mergeClinic(
            BASE,
            edit({ text: mineChanges }),
            edit({ text: theirChanges }),
          );
          expect(merge.conflicts).toEqual([]);
          expect(merge.resolve({})?.text).toEqual({
            ...BASE.text,
            ...mineChanges,
            ...theirChanges,
          });
        },
      ),
    );
  });
});
