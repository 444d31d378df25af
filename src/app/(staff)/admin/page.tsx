import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/server/viewer";
import { listClientsForAdmin, listUsers } from "@/server/data/organization";
import { listVisibleClients } from "@/server/data/clients";
import { ClientTable } from "@/components/ui/client-table";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import { isRole } from "@/domain/access/permissions";
import { RULES, ruleById } from "@/domain/deadlines/rules";
import { db } from "@/server/db";
import { RuleOverrideForm } from "./rule-override-form";
import { AddUserForm, EditUserForm, ResetPasswordForm } from "./user-forms";
import { PendingInvitations } from "./pending-invitations";
import { listPendingInvitations } from "@/server/data/invitations";
import { ResetMfaForm } from "./reset-mfa-form";
import { MfaPolicyForm } from "./mfa-policy-form";
import { mfaPolicyOf } from "@/server/data/mfa-policy";
import { AddClientForm, EditClientForm } from "./client-forms";
import { ClientLegalHold } from "./client-legal-hold";
import { UpcomingErasures } from "./upcoming-erasures";
import { listUpcomingErasures } from "@/server/data/retention";

export const metadata: Metadata = { title: "Administration" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AdminPage() {
  const viewer = await requireViewer("admin:view", "/admin");
  const [users, clients, adminClients, overrides, mfaRoles] = await Promise.all([
    listUsers(viewer),
    listVisibleClients(viewer),
    listClientsForAdmin(viewer),
    db().ruleOverride.findMany({ where: { organizationId: viewer.organizationId } }),
    mfaPolicyOf(viewer),
  ]);
  const [invitations, erasures] = await Promise.all([
    listPendingInvitations(viewer),
    listUpcomingErasures(viewer, new Date()),
  ]);
  // one entry per rule: its current version (an amended rule keeps earlier versions as data)
  const unconfirmed = [...new Set(RULES.map((r) => r.id))].flatMap((id) => {
    const rule = ruleById(id);
    return rule?.unconfirmed ? [rule] : [];
  });
  const clientOptions = clients.map((c) => ({ id: c.id, name: c.name }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Administration</h1>
        <p className="mt-1 text-sm text-slate-600">
          People, roles and client assignments of your organization. Every change is recorded in the audit trail.
        </p>
        <p className="mt-1 text-sm">
          <Link href="/admin/integrations" className="text-brand-700 underline">
            Integrations
          </Link>
          : the security tools that post alerts, their API keys and signing secrets.
        </p>
        <p className="mt-1 text-sm">
          <Link href="/admin/automation" className="text-brand-700 underline">
            Automation rules
          </Link>
          : what Warden does by itself when an alert comes in or an incident is logged or changes phase.
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="px-4 py-3 text-left font-semibold">Users ({users.length})</caption>
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
                Clients
              </th>
              <th scope="col" className="px-4 py-2">
                Status
              </th>
              <th scope="col" className="px-4 py-2">
                Last sign-in (UTC)
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {u.name}
                </th>
                <td className="px-4 py-2">{u.email}</td>
                <td className="px-4 py-2">{isRole(u.role) ? ROLE_LABEL[u.role] : u.role}</td>
                <td className="px-4 py-2">{u.clients.length ? u.clients.join(", ") : "None assigned"}</td>
                <td className="px-4 py-2">{u.active ? "Active" : "Disabled"}</td>
                <td className="px-4 py-2">{u.lastSignInAt ? when.format(u.lastSignInAt) : "Never"}</td>
                <td className="px-4 py-2 align-top">
                  {isRole(u.role) ? (
                    <details>
                      <summary className="cursor-pointer text-brand-700 underline">
                        Change<span className="sr-only"> {u.name}</span>
                      </summary>
                      <div className="mt-2 w-96 max-w-[80vw]">
                        <EditUserForm
                          user={{
                            id: u.id,
                            name: u.name,
                            role: u.role,
                            active: u.active,
                            assigned: u.assignedClientIds,
                            contactClientId: u.contactClientId,
                          }}
                          clients={clientOptions}
                        />
                        {u.id !== viewer.userId ? (
                          <ResetMfaForm userId={u.id} name={u.name} enrolled={u.mfaEnrolled} />
                        ) : null}
                        {u.id !== viewer.userId && u.active ? <ResetPasswordForm userId={u.id} name={u.name} /> : null}
                      </div>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="mfa-policy" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="mfa-policy" className="mb-3 text-base font-semibold">
          Two-step verification
        </h2>
        <MfaPolicyForm required={mfaRoles} />
      </section>
      <PendingInvitations invitations={invitations} />
      <section aria-labelledby="add-person" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="add-person" className="mb-3 text-base font-semibold">
          Add a person
        </h2>
        <AddUserForm clients={clientOptions} />
      </section>
      <ClientTable clients={clients} caption={`Clients (${clients.length})`} />
      <section aria-labelledby="client-changes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="client-changes" className="text-base font-semibold">
          Add or change a client
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          A change to the time zone, country, notice window or regimes recomputes the deadlines of the client&apos;s
          open incidents at once.
        </p>
        <details className="mt-3">
          <summary className="cursor-pointer text-brand-700 underline">Add a client</summary>
          <div className="mt-3">
            <AddClientForm />
          </div>
        </details>
        <ul className="mt-3 space-y-2">
          {adminClients.map((c) => (
            <li key={c.id}>
              <details>
                <summary className="cursor-pointer text-brand-700 underline">Change {c.name}</summary>
                <div className="mt-3">
                  <EditClientForm client={c} />
                </div>
                <ClientLegalHold client={c} timeZone={viewer.timeZone} />
              </details>
            </li>
          ))}
        </ul>
      </section>
      <UpcomingErasures due={erasures.due} held={erasures.held} timeZone={viewer.timeZone} />
      <section aria-labelledby="unconfirmed" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="unconfirmed" className="text-base font-semibold">
          Unconfirmed rule figures
        </h2>
        <p className="mt-1 text-sm">
          <Link href="/admin/rules" className="text-brand-700 underline">
            Every deadline rule
          </Link>{" "}
          with its clock, thresholds, dates in force and sources, and the working target where the law fixes no time.
        </p>
        <p className="mt-1 text-sm text-slate-600">
          These figures were not found in a primary text. Warden shows them as unconfirmed; set your organization&apos;s
          figure once counsel has confirmed it. Open incidents are recomputed at once.
        </p>
        <ul className="mt-4 space-y-5">
          {unconfirmed.map((r) => {
            const o = overrides.find((x) => x.ruleId === r.id);
            return (
              <li key={r.id} aria-label={r.citation}>
                <p className="text-sm font-medium">
                  {r.citation} — {r.title}
                </p>
                <p className="mb-2 text-xs text-amber-800">{r.unconfirmed}</p>
                <RuleOverrideForm
                  ruleId={r.id}
                  amount={o?.amount ?? r.clock.amount}
                  unit={o?.unit ?? r.clock.unit}
                  note={o?.note ?? ""}
                />
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
