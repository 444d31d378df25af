"use client";

import { useInAppLinks } from "@/components/ui/use-in-app-links";

export type NavItem = { href: string; label: string };

/** The sections this person may open: plain links opened inside the app (useInAppLinks). */
export function NavLinks({ label, items }: { label: string; items: readonly NavItem[] }) {
  const open = useInAppLinks();
  return (
    <nav aria-label={label} className="flex flex-1 flex-col gap-1 lg:flex-row lg:flex-wrap" onClick={open}>
      {items.map((item) => (
        <a key={item.href} href={item.href} className="nav-link">
          {item.label}
        </a>
      ))}
    </nav>
  );
}
