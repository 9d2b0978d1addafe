/* Recovery codes, the one time they are shown. */
export function RecoveryCodesShown({ codes }: { codes: readonly string[] }) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border-2 border-brand bg-brand-soft px-4 py-3"
      aria-labelledby="recovery-codes-title"
    >
      <h3 id="recovery-codes-title" className="text-xl font-semibold">
        Your recovery codes
      </h3>
      <p>
        Write these down or print them now and keep them somewhere safe, away from your phone. Each
        one signs you in once if you cannot use your app. They are not shown again.
      </p>
      <ul
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-2 font-mono text-lg sm:grid-cols-5"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
