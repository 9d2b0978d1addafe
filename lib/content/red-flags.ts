/**
 * Symptoms that, together with back pain, need medical help rather than an
 * acupuncture booking, at one of two levels. One list serves the "is it right
 * for you" page, the consultation form's question and its answer, and the
 * staff inbox, so none of them can disagree. An emergency is always "now",
 * never "today": the words for each level live here too.
 */
export const RED_FLAG_LEVELS = ["emergency", "urgent"] as const;
export type RedFlagLevel = (typeof RED_FLAG_LEVELS)[number];

export const RED_FLAGS = [
  {
    value: "saddle-numbness",
    label: "Numbness or tingling around your genitals or buttocks",
    level: "emergency",
  },
  {
    value: "bladder-bowel",
    label: "New trouble passing urine, or loss of control of your bladder or bowels",
    level: "emergency",
  },
  {
    value: "both-legs",
    label:
      "Numbness, tingling or weakness in both legs, weakness that is getting worse, or feeling unsteady on your feet",
    level: "emergency",
  },
  { value: "chest-pain", label: "Chest pain or sudden breathlessness", level: "emergency" },
  {
    value: "serious-injury",
    label: "Pain that started after a serious fall or accident",
    level: "emergency",
  },
  { value: "fever", label: "A fever, or feeling hot and shivery", level: "urgent" },
  { value: "weight-loss", label: "Weight loss you cannot explain", level: "urgent" },
  { value: "cancer-history", label: "A history of cancer", level: "urgent" },
  {
    value: "night-pain",
    label: "Pain that is worse at night or does not ease with rest",
    level: "urgent",
  },
  {
    value: "minor-fall",
    label: "Pain after a minor fall, if you have osteoporosis or take steroids long-term",
    level: "urgent",
  },
  {
    value: "back-lump",
    label: "A lump or swelling on your back, or a change in its shape",
    level: "urgent",
  },
  {
    value: "cough-sneeze",
    label: "Pain that is very bad when you cough, sneeze or go to the toilet",
    level: "urgent",
  },
] as const satisfies readonly { value: string; label: string; level: RedFlagLevel }[];

export type RedFlag = (typeof RED_FLAGS)[number]["value"];
export const RED_FLAG_VALUES = RED_FLAGS.map((flag) => flag.value) as [RedFlag, ...RedFlag[]];

/**
 * Answers the first form stored that the form no longer offers, so staff still
 * read them in words. They are never offered again.
 */
export const RETIRED_RED_FLAGS = [
  {
    value: "fever-weight-cancer",
    label: "Fever, unexplained weight loss, or a history of cancer",
    level: "urgent",
  },
  {
    value: "injury",
    label: "Pain that started after a fall, accident or other injury",
    level: "emergency",
  },
] as const satisfies readonly { value: string; label: string; level: RedFlagLevel }[];

/** Every sign a stored request may hold, current or retired, for staff to read in words. */
export const RED_FLAG_LABELS: readonly { value: string; label: string; level: RedFlagLevel }[] = [
  ...RED_FLAGS,
  ...RETIRED_RED_FLAGS,
];

export function redFlagsAt(level: RedFlagLevel) {
  return RED_FLAGS.filter((flag) => flag.level === level);
}

/** The most serious level among the ticked signs, or null when none was ticked. */
export function redFlagLevel(values: readonly string[]): RedFlagLevel | null {
  const levels = values.map((value) => RED_FLAG_LABELS.find((flag) => flag.value === value)?.level);
  if (levels.includes("emergency")) return "emergency";
  return levels.includes("urgent") ? "urgent" : null;
}

/** What to do at each level, in the same words on the page, in the form and in its answer. */
export function redFlagAdvice(level: RedFlagLevel, emergencyNumber: string) {
  return level === "emergency"
    ? {
        title: `Call ${emergencyNumber} or go to an emergency department now`,
        lead: "Back pain with any of these can be a sign of a serious problem that needs help straight away:",
        action: `Call ${emergencyNumber} or go to your nearest emergency department now. Do not wait for an appointment with us.`,
      }
    : {
        title: "See a doctor today",
        lead: "Back pain with any of these needs a doctor to check it today:",
        action:
          "Ask your doctor for an urgent appointment today, or contact your local urgent-care centre or medical advice line. Please see a doctor before you have acupuncture.",
      };
}
