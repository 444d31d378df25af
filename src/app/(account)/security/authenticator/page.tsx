import type { Metadata } from "next";
import { requireSignedIn } from "@/server/viewer";
import { accountSecurity } from "@/server/data/account-security";
import { enrolmentView } from "@/server/data/enrolment";
import { EnrolAuthenticator } from "@/components/account/enrol-authenticator";

export const metadata: Metadata = { title: "Authenticator app" };

/** Setting up an authenticator from the Security page (optional roles), or replacing it (a new phone). */
export default async function AuthenticatorPage() {
  const { viewer, sessionId } = await requireSignedIn("/security/authenticator");
  const account = await accountSecurity(viewer.userId);
  const view = await enrolmentView(sessionId, viewer.email);
  const replacing = Boolean(account?.mfaEnrolledAt);
  return (
    <div className="max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">
        {replacing ? "Replace your authenticator" : "Set up an authenticator app"}
      </h1>
      {replacing ? (
        <p className="text-sm text-slate-700">
          The old authenticator and recovery codes stop working, and your other sessions end.
        </p>
      ) : null}
      <EnrolAuthenticator {...view} replacing={replacing} askPassword={!replacing} continueHref="/security" />
    </div>
  );
}
