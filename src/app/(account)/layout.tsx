import { AppShell } from "@/components/layout/app-shell";
import { getViewer } from "@/server/viewer";
import { isStaff } from "@/domain/access/can";
import { HOME_PATH } from "@/domain/access/permissions";
import { ROLE_LABEL } from "@/domain/access/role-labels";

// The person's own pages (Security), for staff and client contacts alike. Only navigation: each
// page checks the session itself.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) return <>{children}</>;
  // "Security" itself sits beside the person's name in every frame.
  const nav = [
    { href: HOME_PATH[viewer.role], label: isStaff(viewer.role) ? "Back to Warden" : "Incidents and notices" },
  ];
  return (
    <AppShell
      nav={nav}
      who={{ name: viewer.name, roleLabel: ROLE_LABEL[viewer.role] }}
      area={isStaff(viewer.role) ? "Staff" : "Client portal"}
    >
      {children}
    </AppShell>
  );
}
