import "server-only";
/*
 * A mail header ends at a line break, so one smuggled into a subject or an
 * address could add recipients or headers. Every header value passes through
 * here and is refused, not cleaned, because a line break means a bug or an attack.
 */
const BREAK = /[\r\n\u0085\u2028\u2029\u0000]/;

export function headerValue(name: string, value: string): string {
  if (BREAK.test(value)) throw new Error(`Mail header ${name} contains a line break`);
  return value;
}
