import { PasswordChangeForm } from "@/components/account/password-change-form";
import { PASSWORD_MIN_CHARS } from "@/domain/passwords/password-rules";
import type { Role } from "@/domain/access/permissions";

/** Changing one's own password (the current one is asked for; other sessions end). */
export function PasswordSection({ role }: { role: Role }) {
  return (
    <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="password-heading" className="text-lg font-semibold">
        Password
      </h2>
      <PasswordChangeForm minLength={PASSWORD_MIN_CHARS[role]} />
    </section>
  );
}
