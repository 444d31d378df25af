import type { PendingInvitation } from "@/server/data/invitations";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import { isRole } from "@/domain/access/permissions";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** People invited who have not yet chosen a password (their account is made when they do). */
export function PendingInvitations({ invitations }: { invitations: readonly PendingInvitation[] }) {
  if (!invitations.length) return null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="px-4 py-3 text-left font-semibold">Invited, not yet joined ({invitations.length})</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              Name
            </th>
            <th scope="col" className="px-4 py-2">
              Email
            </th>
            <th scope="col" className="px-4 py-2">
              Role
            </th>
            <th scope="col" className="px-4 py-2">
              Link valid until (UTC)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {i.name}
              </th>
              <td className="px-4 py-2">{i.email}</td>
              <td className="px-4 py-2">{isRole(i.role) ? ROLE_LABEL[i.role] : i.role}</td>
              <td className="px-4 py-2">{i.expired ? "Expired: invite again" : when.format(i.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
