/*
 * How long a page's text may be. The editor says BODY_MAX; the text area's
 * maxlength is BODY_HARD_MAX, above it, so a longer paste is kept and answered
 * with a message naming the limit instead of being cut by the browser.
 *
 * Without JavaScript the form carries the text twice (React writes the
 * previous answer, with the text it handed back, into the post) and, after a
 * conflict, the other version as well. The server action body limit in
 * body-limit.json is sized for the largest such post;
 * tests/unit/staff/page-body-limit.test.ts builds that post and checks it fits.
 * Browser-safe: the editor and the server action share it.
 */
export const BODY_MAX = 200_000;
export const BODY_HARD_MAX = 240_000;
/** How many problems in the text an answer lists: each is a line, and the answer travels back. */
export const BODY_PROBLEMS_SHOWN = 50;

export function bodyLengthProblem(body: string): string | undefined {
  if (body.length <= BODY_MAX) return undefined;
  const count = (n: number) => n.toLocaleString("en-GB");
  return `The text is ${count(body.length)} characters: a page can have at most ${count(BODY_MAX)}. Shorten it, or split it into two pages and link them. Your text is kept.`;
}
