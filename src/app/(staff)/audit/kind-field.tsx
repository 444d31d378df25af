import { useId } from "react";
import { CONTROL_CLASS, FieldFrame, describedByFor } from "@/components/ui/field-frame";
import { CHANGE_KINDS, READ_GROUPS } from "@/domain/audit/read-kinds";

/** The kind filter: changes by their area, or reads by what was read, in two groups. */
export function KindField({ value, errors }: { value: string; errors?: string[] }) {
  const id = `field-kind-${useId()}`;
  return (
    <FieldFrame controlId={id} label="Kind" errors={errors}>
      <select
        id={id}
        name="kind"
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedByFor(id, undefined, errors)}
        className={CONTROL_CLASS}
      >
        <optgroup label="Changes">
          <option value="">All changes</option>
          {CHANGE_KINDS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Reads">
          {READ_GROUPS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </optgroup>
      </select>
    </FieldFrame>
  );
}
