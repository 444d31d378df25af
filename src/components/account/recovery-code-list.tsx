/** Recovery codes, shown once: right after enrolment or after making new ones. */
export function RecoveryCodeList({ codes }: { codes: readonly string[] }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4">
      <h2 id="recovery-codes-heading" className="text-sm font-semibold text-amber-900">
        Your recovery codes
      </h2>
      <p className="mt-1 text-sm text-amber-900">
        Each works once, in place of a code from your app, if you lose your phone. Keep them somewhere safe now: they
        will not be shown again.
      </p>
      <ol aria-label="Recovery codes" className="mt-3 grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-2 py-1">
            {code}
          </li>
        ))}
      </ol>
    </section>
  );
}
