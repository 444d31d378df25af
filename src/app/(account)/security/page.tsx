import type { Metadata } from "next";
import { requireSignedIn } from "@/server/viewer";
import { accountSecurity, openSessionsOf } from "@/server/data/account-security";
import { SessionsSection } from "./sessions-section";
import { MfaSection } from "./mfa-section";
import { PasswordSection } from "./password-section";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  const { viewer, sessionId } = await requireSignedIn("/security");
  const [account, sessions] = await Promise.all([
    accountSecurity(viewer.userId),
    openSessionsOf(viewer.userId, sessionId),
  ]);
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Security</h1>
      {account ? <MfaSection account={account} /> : null}
      <PasswordSection role={viewer.role} />
      <SessionsSection sessions={sessions} timeZone={viewer.timeZone} />
    </div>
  );
}
