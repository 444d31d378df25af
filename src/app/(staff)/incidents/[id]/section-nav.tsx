"use client";

import { useEffect, useState } from "react";

export type SectionLink = { id: string; label: string };

/**
 * Jump links to the page's sections: a sticky column on wide screens, a row that scrolls
 * sideways on phones. The section in view is marked (aria-current) as the reader scrolls.
 */
export function SectionNav({ sections }: { sections: readonly SectionLink[] }) {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    const seen = new Map<string, boolean>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) seen.set(e.target.id, e.isIntersecting);
        setCurrent(sections.find((s) => seen.get(s.id))?.id ?? null);
      },
      { rootMargin: "0px 0px -60% 0px" },
    );
    for (const s of sections) {
      const el = document.getElementById(s.id);
      if (el) observer.observe(el);
    }
    return () => observer.disconnect();
  }, [sections]);
  return (
    <nav
      aria-label="Sections of this incident"
      className="-mx-4 border-y border-slate-200 bg-white/95 px-4 lg:sticky lg:top-4 lg:mx-0 lg:self-start lg:border-0 lg:bg-transparent lg:px-0"
    >
      <ul className="flex gap-1 overflow-x-auto py-2 lg:flex-col lg:overflow-visible lg:py-0">
        {sections.map((s) => (
          <li key={s.id} className="shrink-0">
            <a href={`#${s.id}`} aria-current={current === s.id ? "location" : undefined} className="section-link">
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
