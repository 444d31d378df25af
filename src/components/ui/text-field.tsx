import { useId, type InputHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldFrame, describedByFor } from "./field-frame";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; errors?: string[]; hint?: string };

/** A labelled input whose errors are announced with it (aria-describedby + aria-invalid). */
export function TextField({ name, label, errors, hint, id, className, ...input }: Props) {
  // useId: the same form repeated on a page (one per row, per obligation…) still gets unique ids
  const autoId = useId();
  const controlId = id ?? `field-${name}-${autoId}`;
  return (
    <FieldFrame controlId={controlId} label={label} hint={hint} errors={errors} className={className}>
      <input
        id={controlId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedByFor(controlId, hint, errors)}
        className={CONTROL_CLASS}
        {...input}
      />
    </FieldFrame>
  );
}
