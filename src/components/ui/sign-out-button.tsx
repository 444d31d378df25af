import { signOut } from "@/server/actions/sign-out";

/** A form, not a script: signing out works even before the page has finished loading. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
        Sign out
      </button>
    </form>
  );
}
