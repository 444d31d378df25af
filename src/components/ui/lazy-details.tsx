"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A `<details>` that draws what it folds the first time it is opened, and keeps it drawn after
 * (what was typed survives closing it). The incident page folds its forms, which most visits
 * never open; drawing them all on every visit was half of the page's HTML. Opening one costs
 * no request: its contents come with the page, only their markup waits. With an `id`, a link to
 * `#id` opens it (the header's "change" beside the owner opens the reassign form).
 */
export function LazyDetails({
  id,
  summary,
  className = "fold",
  summaryClassName = "cursor-pointer",
  defaultOpen = false,
  children,
}: {
  id?: string;
  summary: React.ReactNode;
  className?: string;
  summaryClassName?: string;
  defaultOpen?: boolean;
  children: React.ReactNode;
}) {
  const [drawn, setDrawn] = useState(defaultOpen);
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!id) return;
    const openWhenNamed = () => {
      if (window.location.hash === `#${id}` && ref.current) {
        ref.current.open = true;
        setDrawn(true);
      }
    };
    openWhenNamed();
    window.addEventListener("hashchange", openWhenNamed);
    return () => window.removeEventListener("hashchange", openWhenNamed);
  }, [id]);
  return (
    <details
      ref={ref}
      id={id}
      className={className}
      open={defaultOpen || undefined}
      onToggle={(event) => {
        if (event.currentTarget.open) setDrawn(true);
      }}
    >
      <summary className={summaryClassName}>{summary}</summary>
      {drawn ? children : null}
    </details>
  );
}
