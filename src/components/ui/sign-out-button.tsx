import { signOut } from "@/server/actions/sign-out";

/** A form, not a script: signing out works even before the page has finished loading. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="nav-link">
        Sign out
      </button>
    </form>
  );
}
