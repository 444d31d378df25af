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
      <label htmlFor={controlId} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${controlId}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${controlId}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A form control's look (globals.css): bordered, full width, red when invalid. */
export const CONTROL_CLASS = "field-control";
