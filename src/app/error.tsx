"use client";

import { UNAVAILABLE_DIGEST } from "@/lib/unavailable-digest";

// Shown for unexpected failures. The digest lets support find the server log line; the error's
// message and stack never reach the browser.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === UNAVAILABLE_DIGEST) {
    return (
      <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center">
        <h1 className="text-2xl font-semibold">Warden cannot reach its database</h1>
        <p className="mt-3 text-slate-600">
          Nothing is lost. This usually clears by itself within seconds (a restart or a failover); try again in a
          moment.
        </p>
        <button
          type="button"
          onClick={reset}
          className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Try again
        </button>
      </main>
    );
  }
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">
        Your data is safe; this page could not be shown. Try again, and if it keeps happening quote this reference to
        your administrator: <code className="font-mono">{error.digest ?? "n/a"}</code>
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Try again
      </button>
    </main>
  );
}
