import { describe, expect, it } from "vitest";
import { loadClinic } from "@/lib/content/files/clinic-file";
import { clinicSchema } from "@/lib/validations/clinic-schema";
import { clinicToValues, readClinicForm, valuesToClinicInput } from "@/lib/validations/clinic-form";

describe("the clinic details form", () => {
  const clinic = loadClinic();

  it("has a field for every value in clinic.yaml, and gives the same details back", () => {
    expect(clinicSchema.parse(valuesToClinicInput(clinicToValues(clinic)))).toEqual(clinic);
  });

  it("reads posted rows of opening hours, each with its days", () => {
    const form = new FormData();
    const values = clinicToValues(clinic);
    for (const [name, value] of Object.entries(values.text)) form.set(name, value);
    form.set("hoursCount", "2");
    form.append("hours.0.days", "Monday");
    form.append("hours.0.days", "Friday");
    form.set("hours.0.opens", "08:00");
    form.set("hours.0.closes", "12:00");
    form.set("hours.1.opens", "13:00");
    form.set("hours.1.closes", "12:00");
    const read = readClinicForm(form);
    expect(read.hours).toEqual([
      { days: ["Monday", "Friday"], opens: "08:00", closes: "12:00" },
      { days: [], opens: "13:00", closes: "12:00" },
    ]);
    const result = clinicSchema.safeParse(valuesToClinicInput(read));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["openingHours.1.days", "openingHours.1.closes"]));
  });

  it("leaves an empty booking page out, and keeps a typed one", () => {
    const values = clinicToValues(clinic);
    expect(values.text.bookingUrl).toBe("");
    const empty = valuesToClinicInput({ ...values, text: { ...values.text, bookingUrl: "  " } });
    expect(empty).not.toHaveProperty("bookingUrl");
    expect(empty).not.toHaveProperty("bookingLabel");
    const url = "https://willowlane.janeapp.com";
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...values.text, bookingUrl: url }))
      form.set(name, value);
    form.set("hoursCount", "1");
    form.append("hours.0.days", "Monday");
    form.set("hours.0.opens", "09:00");
    form.set("hours.0.closes", "17:00");
    const parsed = clinicSchema.parse(valuesToClinicInput(readClinicForm(form)));
    expect(parsed.bookingUrl).toBe(url);
    expect(parsed.bookingLabel).toBeUndefined();
    expect(clinicToValues(parsed).text.bookingUrl).toBe(url);
  });
});
