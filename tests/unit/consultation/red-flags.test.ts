import { describe, expect, it } from "vitest";
import {
  RED_FLAG_VALUES,
  redFlagAdvice,
  redFlagLevel,
  redFlagsAt,
  RETIRED_RED_FLAGS,
} from "@/lib/validations/consultation-fields";
import { consultationSchema } from "@/lib/validations/consultation";
import { validForm } from "./fixtures";

/* The two levels as /work/shared/HEALTH-CONTENT.md gives them: every sign, at its level. */
describe("the red-flag list", () => {
  it("holds every emergency sign the health-content guide lists", () => {
    expect(redFlagsAt("emergency").map((flag) => flag.label)).toEqual([
      "Numbness or tingling around your genitals or buttocks",
      "New trouble passing urine, or loss of control of your bladder or bowels",
      "Numbness, tingling or weakness in both legs, weakness that is getting worse, or feeling unsteady on your feet",
      "Chest pain or sudden breathlessness",
      "Pain that started after a serious fall or accident",
    ]);
  });

  it("holds every see-a-doctor-today sign the guide lists", () => {
    expect(redFlagsAt("urgent").map((flag) => flag.label)).toEqual([
      "A fever, or feeling hot and shivery",
      "Weight loss you cannot explain",
      "A history of cancer",
      "Pain that is worse at night or does not ease with rest",
      "Pain after a minor fall, if you have osteoporosis or take steroids long-term",
      "A lump or swelling on your back, or a change in its shape",
      "Pain that is very bad when you cough, sneeze or go to the toilet",
    ]);
  });

  it("never mixes the levels' words: an emergency is now, a doctor visit is today", () => {
    const emergency = redFlagAdvice("emergency", "999");
    const today = redFlagAdvice("urgent", "999");
    const all = (advice: typeof emergency) => `${advice.title} ${advice.lead} ${advice.action}`;
    expect(emergency.title).toBe("Call 999 or go to an emergency department now");
    expect(all(emergency)).toMatch(/\bnow\b/);
    expect(all(emergency)).not.toMatch(/\btoday\b|contact a doctor/i);
    expect(today.title).toBe("See a doctor today");
    expect(all(today)).toMatch(/\btoday\b/);
    expect(all(today)).not.toMatch(/\bnow\b|999/);
  });

  it("answers at the most serious level ticked", () => {
    expect(redFlagLevel([])).toBeNull();
    expect(redFlagLevel(["fever", "night-pain"])).toBe("urgent");
    expect(redFlagLevel(["fever", "saddle-numbness"])).toBe("emergency");
    expect(redFlagLevel(["serious-injury"])).toBe("emergency");
    // Answers stored by the first form keep a level.
    expect(redFlagLevel(["injury"])).toBe("emergency");
    expect(redFlagLevel(["fever-weight-cancer"])).toBe("urgent");
  });

  it("offers only current signs in the form", () => {
    for (const retired of RETIRED_RED_FLAGS) {
      expect(RED_FLAG_VALUES).not.toContain(retired.value);
      const result = consultationSchema.safeParse(validForm({ redFlags: [retired.value] }));
      expect(result.success).toBe(false);
    }
    expect(
      consultationSchema.safeParse(validForm({ redFlags: [...RED_FLAG_VALUES] })).success,
    ).toBe(true);
  });
});
