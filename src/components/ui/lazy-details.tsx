"use client";

import { useState } from "react";

/**
 * A `<details>` that draws what it folds the first time it is opened, and keeps it drawn after
 * (what was typed survives closing it). The incident page folds a dozen forms that most visits
 * never open; drawing them all on every visit was a third of the page's HTML. Opening one costs
 * no request: its contents come with the page, only their markup waits.
 */
export function LazyDetails({
  summary,
  className,
  summaryClassName = "cursor-pointer",
  defaultOpen = false,
  children,
}: {
  summary: React.ReactNode;
  className?: string;
  summaryClassName?: string;
  defaultOpen?: boolean;
  children: React.ReactNode;
}) {
  const [drawn, setDrawn] = useState(defaultOpen);
  return (
    <details
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
