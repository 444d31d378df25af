import { useId, type TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldFrame, describedByFor } from "./field-frame";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

export function TextAreaField({ name, label, errors, hint, id, className, ...area }: Props) {
  // useId: the same form repeated on a page (one per row, per obligation…) still gets unique ids
  const autoId = useId();
  const controlId = id ?? `field-${name}-${autoId}`;
  return (
    <FieldFrame controlId={controlId} label={label} hint={hint} errors={errors} className={className}>
      <textarea
        id={controlId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedByFor(controlId, hint, errors)}
        className={CONTROL_CLASS}
        {...area}
      />
    </FieldFrame>
  );
}
