"use client";

import { setMfaPolicy } from "@/server/actions/set-mfa-policy";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormStatus } from "@/components/ui/form-status";
import { ROLE_LABEL } from "@/domain/access/role-labels";
import type { Role } from "@/domain/access/permissions";

const CHOOSABLE = ["MANAGER", "ANALYST", "CLIENT_CONTACT"] as const;

/** Which roles must sign in with an authenticator app; administrators always must. */
export function MfaPolicyForm({ required }: { required: readonly Role[] }) {
  const { state, pending, onSubmit } = useFormAction(setMfaPolicy);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <fieldset>
        <legend className="text-sm text-slate-700">
          Roles that must sign in with an authenticator app (administrators always do):
        </legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {CHOOSABLE.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="roles"
                value={role}
                defaultChecked={required.includes(role)}
                className="h-4 w-4"
              />
              {ROLE_LABEL[role]}
            </label>
          ))}
        </div>
      </fieldset>
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
      >
        Save
      </button>
    </form>
  );
}
