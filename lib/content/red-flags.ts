/**
 * Symptoms that, together with back pain, need a doctor or emergency care now
 * rather than an acupuncture booking. One list serves the "is it right for you"
 * page and the consultation form, so the two can never disagree.
 */
export const RED_FLAGS = [
  { value: "saddle-numbness", label: "Numbness or tingling around your genitals or buttocks" },
  {
    value: "bladder-bowel",
    label: "New trouble passing urine, or loss of bladder or bowel control",
  },
  { value: "both-legs", label: "Weakness, numbness or tingling in both legs" },
  { value: "fever-weight-cancer", label: "Fever, unexplained weight loss, or a history of cancer" },
  { value: "injury", label: "Pain that started after a fall, accident or other injury" },
  { value: "chest-pain", label: "Chest pain" },
  { value: "night-pain", label: "Pain that is worse at night or does not ease with rest" },
] as const;

export type RedFlag = (typeof RED_FLAGS)[number]["value"];
export const RED_FLAG_VALUES = RED_FLAGS.map((flag) => flag.value) as [RedFlag, ...RedFlag[]];
