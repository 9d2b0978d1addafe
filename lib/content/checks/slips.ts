import type { Problem } from "../types";

/*
 * The slips someone who has never written code makes most, each with the fix
 * in plain words: the MDX reader's own message names a character code and a
 * grammar rule, which tells a receptionist nothing.
 */

const HINTS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [
    /U\+(201[89ABCDEF]|00AB|00BB)/,
    () =>
      'put the value in straight double quotes, like type="note": “curly” quotes (which word processors and phones type) do not work',
  ],
  [
    /closing tag for `<(br|hr|img|wbr)>`/,
    ([, tag]) =>
      `write <${tag ?? "br"} /> with the slash${tag === "br" ? ", or start a new paragraph with a blank line" : ""}`,
  ],
  [
    /Unexpected closing tag `<\/(\w+)>`, expected corresponding closing tag for `<(\w+)>`/,
    ([, closing, open]) => `<${open}> is not closed: add </${open}> before </${closing}>`,
  ],
  [
    /closing tag for `<([A-Z]\w*)>`/,
    ([, name]) =>
      `<${name}> is not closed: add </${name}> on its own line after the text inside it (with a blank line before it), or end the tag with /> if it holds nothing`,
  ],
  [/Unexpected end of file/, () => "a tag is not finished: end it with > or />"],
];

/** What to do about the MDX reader's message, or "" when it is not a common slip. */
export function slipHint(reason: string): string {
  for (const [pattern, hint] of HINTS) {
    const match = reason.match(pattern);
    if (match) return hint(match);
  }
  return "";
}

const BULLET = /^\s*[•◦▪▫●○·‣⁃]\s?/;

/** Lines that start with a typed bullet, which Markdown shows as text, not as a list. */
export function bulletSlips(file: string, text: string): Problem[] {
  return text.split("\n").flatMap((line, index) => {
    const bullet = BULLET.exec(line)?.[0].trim();
    return bullet
      ? [
          {
            file,
            message: `line ${index + 1}: Markdown lists start with "- ", not "${bullet}": replace ${bullet} with - and a space`,
          },
        ]
      : [];
  });
}
