import { AppShell, type NavItem } from "@/components/layout/app-shell";
import { getViewer } from "@/server/viewer";
import { can, isStaff } from "@/domain/access/can";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import { countUnreadNotifications } from "@/server/data/notifications";

// The staff frame only draws navigation; it is no guard. Each page checks the session and its
// own permission (and redirects to sign-in with the page as callback, or answers not found).
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer || !isStaff(viewer.role)) return <>{children}</>;

  const nav: NavItem[] = [];
  if (can(viewer, "dashboard:view")) nav.push({ href: "/dashboard", label: "Dashboard" });
  if (can(viewer, "incident:read"))
    nav.push(
      { href: "/incidents", label: "Incidents" },
      { href: "/obligations", label: "Deadlines" },
      { href: "/clients", label: "Clients" },
    );
  if (can(viewer, "alert:triage")) nav.push({ href: "/alerts", label: "Alerts" });
  if (can(viewer, "portal:view")) nav.push({ href: "/portal", label: "Client portal preview" });
  if (can(viewer, "oncall:manage")) nav.push({ href: "/on-call", label: "On call" });
  if (can(viewer, "admin:view")) nav.push({ href: "/admin", label: "Administration" });
  if (can(viewer, "webhook:manage")) nav.push({ href: "/admin/webhooks", label: "Webhooks" });
  if (can(viewer, "audit:read")) nav.push({ href: "/audit", label: "Audit log" });
  if (can(viewer, "incident:read")) {
    const unread = await countUnreadNotifications(viewer);
    nav.push({ href: "/notifications", label: unread ? `Notifications (${unread})` : "Notifications" });
  }

  return (
    <AppShell nav={nav} who={{ name: viewer.name, roleLabel: ROLE_LABEL[viewer.role] }} area="Staff">
      {children}
    </AppShell>
  );
}
