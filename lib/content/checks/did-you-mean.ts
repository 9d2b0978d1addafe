/** Edits (insert, delete, replace) that turn one string into the other, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * ` (did you mean X?)` for the candidate nearest a typo, or "" when none is
 * close enough to be a likely slip: at most two edits, and fewer than a third
 * of the word, so short names are not matched to anything at all.
 */
export function didYouMean(typed: string, candidates: Iterable<string>): string {
  let best: { name: string; edits: number } | undefined;
  for (const name of candidates) {
    const edits = distance(typed, name);
    if (
      typed !== name &&
      edits <= 2 &&
      edits * 3 < name.length &&
      edits < (best?.edits ?? Infinity)
    ) {
      best = { name, edits };
    }
  }
  return best ? ` (did you mean ${best.name}?)` : "";
}
