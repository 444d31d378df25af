"use client";

import { useRouter } from "next/navigation";

export type NavItem = { href: string; label: string };

/**
 * The sections this person may open. Plain links, with one listener that opens them inside
 * the app on a plain click (as Link does); modified clicks, and pages without script, follow
 * the link. (Drawn on every page: one small component instead of a Link per item.)
 */
export function NavLinks({ label, items }: { label: string; items: readonly NavItem[] }) {
  const router = useRouter();
  function open(event: React.MouseEvent<HTMLElement>) {
    const link = (event.target as Element).closest("a");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    router.push(link.getAttribute("href")!);
  }
  return (
    <nav aria-label={label} className="flex flex-1 gap-1" onClick={open}>
      {items.map((item) => (
        <a key={item.href} href={item.href} className="nav-link">
          {item.label}
        </a>
      ))}
    </nav>
  );
}
