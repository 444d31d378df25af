"use client";

import Link from "next/link";

/**
 * What a missing or out-of-scope page says. A client component: Next.js writes the not-found
 * view into every page's data for each layout (ready for a later notFound()), and as a client
 * component that is a short reference instead of the whole message each time.
 */
export function NotFoundMessage() {
  return (
    <main className="mx-auto flex max-w-lg flex-col items-center px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-600">
        There is nothing here, or you do not have access to it. Check the address, or go back to your start page.
      </p>
      <Link
        href="/"
        className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Go to my start page
      </Link>
    </main>
  );
}
