import { signOut } from "@/server/actions/sign-out";

/** The centred card of the sign-in steps, with a way out (signing out ends the half-done session). */
export function AuthFrame({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className={`w-full ${wide ? "max-w-lg" : "max-w-sm"}`}>
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-brand-900">Warden</p>
          <p className="mt-1 text-sm text-slate-600">Data incident management</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{title}</h1>
          {children}
        </div>
        <form action={signOut} className="mt-4 text-center">
          <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">
            Cancel and sign out
          </button>
        </form>
      </div>
    </main>
  );
}
