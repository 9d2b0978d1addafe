import { diffLines } from "diff";

/** Line-by-line changes from `from` to `to`, marked in words as well as colour. */
export function LineDiff({ from, to }: { from: string; to: string }) {
  const parts = diffLines(from, to);
  return (
    <pre
      className="overflow-x-auto rounded border border-line p-3 font-mono text-sm"
      data-testid="diff"
    >
      {parts.map((part, index) => {
        const lines = part.value.replace(/\n$/, "").split("\n");
        const sign = part.added ? "+ " : part.removed ? "- " : "  ";
        const text = lines.map((line) => `${sign}${line}`).join("\n") + "\n";
        if (part.added)
          return (
            <ins key={index} className="block bg-brand-soft no-underline" aria-label="added">
              {text}
            </ins>
          );
        if (part.removed)
          return (
            <del
              key={index}
              className="block bg-danger-soft text-danger no-underline"
              aria-label="removed"
            >
              {text}
            </del>
          );
        return <span key={index}>{text}</span>;
      })}
    </pre>
  );
}
