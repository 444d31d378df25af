import { useId, type SelectHTMLAttributes } from "react";
import { CONTROL_CLASS, FieldFrame, describedByFor } from "./field-frame";

type Option = { value: string; label: string };
type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  options: readonly Option[];
  errors?: string[];
  placeholder?: string;
};

export function SelectField({ name, label, options, errors, placeholder, id, className, ...select }: Props) {
  // useId: the same form repeated on a page (one per row, per obligation…) still gets unique ids
  const autoId = useId();
  const controlId = id ?? `field-${name}-${autoId}`;
  return (
    <FieldFrame controlId={controlId} label={label} errors={errors} className={className}>
      <select
        id={controlId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedByFor(controlId, undefined, errors)}
        className={CONTROL_CLASS}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
