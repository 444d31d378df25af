/** Ids that tie a control to its hint and errors (aria-describedby), for every field kind. */
export function describedByFor(controlId: string, hint?: string, errors?: string[]): string | undefined {
  return (
    [hint ? `${controlId}-hint` : null, errors?.length ? `${controlId}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

/** Label above, hint under it, the control, and its errors: the frame of every form field. */
export function FieldFrame({
  controlId,
  label,
  hint,
  errors,
  className,
  children,
}: {
  controlId: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${controlId}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${controlId}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const CONTROL_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-invalid:border-red-600";
