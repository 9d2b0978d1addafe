import bodyLimit from "./body-limit.json";

/*
 * A posted form larger than the server action body limit is refused by Next.js
 * before our code runs: without JavaScript the visitor would get a bare error
 * page and lose what they typed. So each text field also carries a browser-side
 * hard stop (maxlength) far above what the schema accepts, leaving room to go
 * over, be told so and keep the text, yet small enough that the largest form a
 * browser can send stays under the limit (tests/unit/consultation checks it).
 */

/** serverActions.bodySizeLimit in next.config.ts, which reads the same JSON file. */
export const BODY_SIZE_LIMIT_KB = bodyLimit.kilobytes;

/** The maxlength for a field whose schema accepts up to `max` characters. */
export function hardMaxLength(max: number): number {
  return max * 3;
}
