import type { Metadata } from "next";
import { requireViewer } from "@/server/viewer";
import { listUsers } from "@/server/data/organization";
import { listVisibleClients } from "@/server/data/clients";
import { ClientTable } from "@/components/ui/client-table";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import { isRole } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Administration" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AdminPage() {
  const viewer = await requireViewer("admin:view", "/admin");
  const [users, clients] = await Promise.all([listUsers(viewer), listVisibleClients(viewer)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Administration</h1>
        <p className="mt-1 text-sm text-slate-600">People, roles and client assignments of your organization.</p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="px-4 py-3 text-left font-semibold">Users ({users.length})</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">Name</th>
              <th scope="col" className="px-4 py-2">Email</th>
              <th scope="col" className="px-4 py-2">Role</th>
              <th scope="col" className="px-4 py-2">Clients</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Last sign-in (UTC)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row" className="px-4 py-2 text-left font-medium">{u.name}</th>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">{isRole(u.role) ? ROLE_LABEL[u.role] : u.role}</td>
                <td className="px-4 py-2">{u.clients.length ? u.clients.join(", ") : "None assigned"}</td>
                <td className="px-4 py-2">{u.active ? "Active" : "Disabled"}</td>
                <td className="px-4 py-2">{u.lastSignInAt ? when.format(u.lastSignInAt) : "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ClientTable clients={clients} caption={`Clients (${clients.length})`} />
    </div>
  );
}
