import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { SessionKeepAlive } from "./session-keep-alive";
import { NavLinks, type NavItem } from "./nav-links";
import { NavMenu } from "./nav-menu";

export type { NavItem };

/** Header with the product name, the sections this person may open, and who is signed in. */
export function AppShell({
  nav,
  who,
  area,
  children,
}: {
  nav: NavItem[];
  who: { name: string; roleLabel: string };
  area: string;
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-900">
            Warden <span className="sr-only">{area}</span>
          </Link>
          <NavMenu>
            <NavLinks label={area} items={nav} />
            <div className="flex items-center justify-between gap-3 lg:justify-end">
              <p className="text-sm leading-tight lg:text-right">
                <span className="block font-medium">{who.name}</span>
                <span className="block text-xs text-slate-500">{who.roleLabel}</span>
              </p>
              <a href="/security" className="nav-link">
                Security
              </a>
              <SignOutButton />
              <SessionKeepAlive />
            </div>
          </NavMenu>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
