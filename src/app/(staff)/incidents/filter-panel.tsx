"use client";

import { useId, useState } from "react";

/**
 * On phones the list's filters fold behind a button (saying how many are on), leaving the
 * search box and the list in view; from `lg` up they stand in the form's grid as before. A form
 * that came back with errors in them opens with them shown (`initiallyOpen`).
 */
export function FilterPanel({
  active,
  initiallyOpen = false,
  children,
}: {
  active: number;
  initiallyOpen?: boolean;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="justify-self-start rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 sm:col-span-2 lg:hidden"
      >
        {open ? "Hide filters" : "Show filters"}
        {active ? ` (${active} on)` : ""}
      </button>
      <div id={id} className={`${open ? "grid" : "hidden"} gap-3 sm:col-span-2 sm:grid-cols-2 lg:contents`}>
        {children}
      </div>
    </>
  );
}
