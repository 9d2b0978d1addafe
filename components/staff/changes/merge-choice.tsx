/*
 * The choice for one change both colleagues made: Keep mine or Take theirs,
 * as radio buttons in the editor's own form, so the next publish carries the
 * choices with or without JavaScript (read back by readMergeChoices in
 * lib/staff/page-merge.ts). Shared by the page merge and the clinic details.
 */
export function MergeChoice({ id, chosen }: { id: string; chosen: "mine" | "theirs" | undefined }) {
  return (
    <div className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
      {(["mine", "theirs"] as const).map((side) => (
        <label key={side} className="flex items-center gap-2">
          <input
            type="radio"
            name={`merge-${id}`}
            value={side}
            defaultChecked={chosen === side}
            className="h-5 w-5"
          />
          {side === "mine" ? "Keep mine" : "Take theirs"}
        </label>
      ))}
    </div>
  );
}
