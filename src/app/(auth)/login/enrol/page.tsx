import type { Metadata } from "next";
import { AuthFrame } from "../auth-frame";
import { sessionAtStep } from "../second-step";
import { EnrolAuthenticator } from "@/components/account/enrol-authenticator";
import { accountSecurity } from "@/server/data/account-security";
import { enrolmentView } from "@/server/data/enrolment";
import { safeCallbackPath } from "@/lib/safe-callback";

export const metadata: Metadata = { title: "Set up two-step verification" };

export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { userId, sessionId } = await sessionAtStep("needs_enrolment", params.callbackUrl);
  const account = await accountSecurity(userId);
  const view = await enrolmentView(sessionId, account?.email ?? "");
  return (
    <AuthFrame title="Set up two-step verification" wide>
      <p className="mb-4 text-sm text-slate-600">
        Your organization asks everyone in your role to sign in with a code from an authenticator app as well as the
        password. Set it up now to continue.
      </p>
      <EnrolAuthenticator {...view} replacing={false} continueHref={safeCallbackPath(params.callbackUrl)} />
    </AuthFrame>
  );
}
