import { AppShell } from "@/components/layout/app-shell";
import { getViewer } from "@/server/viewer";
import { can, isStaff } from "@/domain/access/can";
import { ROLE_LABEL } from "@/domain/access/role-labels";

// The portal frame only draws navigation; each page checks the session, permission and client.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, "portal:view")) return <>{children}</>;
  const nav = isStaff(viewer.role)
    ? [
        { href: "/portal", label: "Portal preview" },
        { href: "/", label: "Back to Warden" },
      ]
    : [{ href: "/portal", label: "Incidents and notices" }];
  return (
    <AppShell nav={nav} who={{ name: viewer.name, roleLabel: ROLE_LABEL[viewer.role] }} area="Client portal">
      {children}
    </AppShell>
  );
}
