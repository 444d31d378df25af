import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import { DATA_CATEGORIES, DATA_CATEGORY_LABEL } from "@/domain/incident/types";
import { JURISDICTIONS } from "@/domain/incident/jurisdictions";
import type { FieldErrors } from "@/lib/validation/field-errors";

export type FactsValues = {
  occurredAt?: string;
  detectedAt?: string;
  awareAt?: string;
  dataCategories?: readonly string[];
  dataSubjectsCount?: number | null;
  recordsCount?: number | null;
  jurisdictions?: readonly string[];
  dataEncrypted?: "yes" | "no" | "unknown";
};

/** The moments and the affected data: shared by the new-incident form and the facts editor. */
export function FactsFields({
  values,
  errors,
  timeZone,
}: {
  values: FactsValues;
  errors: FieldErrors;
  timeZone: string;
}) {
  return (
    <>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">When (times in {timeZone})</legend>
        <input type="hidden" name="timeZone" value={timeZone} />
        <TextField
          name="occurredAt"
          label="Occurred (if known)"
          type="datetime-local"
          defaultValue={values.occurredAt}
          errors={errors.occurredAt}
        />
        <TextField
          name="detectedAt"
          label="Detected"
          type="datetime-local"
          required
          defaultValue={values.detectedAt}
          errors={errors.detectedAt}
        />
        <TextField
          name="awareAt"
          label="We became aware"
          type="datetime-local"
          required
          defaultValue={values.awareAt}
          errors={errors.awareAt}
          hint="Legal clocks start here."
        />
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Data affected</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {DATA_CATEGORIES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="dataCategories"
                value={c}
                defaultChecked={values.dataCategories?.includes(c)}
                className="h-4 w-4"
              />
              {DATA_CATEGORY_LABEL[c]}
            </label>
          ))}
        </div>
        {errors.dataCategories ? <p className="mt-1 text-sm text-red-700">{errors.dataCategories.join(" ")}</p> : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="dataSubjectsCount"
          label="Data subjects (estimate)"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={values.dataSubjectsCount ?? ""}
          errors={errors.dataSubjectsCount}
        />
        <TextField
          name="recordsCount"
          label="Records (estimate)"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={values.recordsCount ?? ""}
          errors={errors.recordsCount}
        />
        <SelectField
          name="dataEncrypted"
          label="Was the data encrypted?"
          defaultValue={values.dataEncrypted ?? "unknown"}
          options={[
            { value: "unknown", label: "Not known yet" },
            { value: "yes", label: "Yes, unintelligible to others" },
            { value: "no", label: "No" },
          ]}
          errors={errors.dataEncrypted}
        />
      </div>
      <div>
        <label htmlFor="field-jurisdictions" className="block text-sm font-medium text-slate-800">
          Where the data subjects live
        </label>
        <p id="field-jurisdictions-hint" className="mt-0.5 text-xs text-slate-500">
          Hold Ctrl (⌘ on a Mac) to choose several.
        </p>
        <select
          id="field-jurisdictions"
          name="jurisdictions"
          multiple
          size={6}
          defaultValue={[...(values.jurisdictions ?? [])]}
          aria-describedby={
            errors.jurisdictions ? "field-jurisdictions-hint field-jurisdictions-error" : "field-jurisdictions-hint"
          }
          aria-invalid={errors.jurisdictions ? true : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          {JURISDICTIONS.map((j) => (
            <option key={j.code} value={j.code}>
              {j.name}
            </option>
          ))}
        </select>
        {errors.jurisdictions ? (
          <p id="field-jurisdictions-error" className="mt-1 text-sm text-red-700">
            {errors.jurisdictions.join(" ")}
          </p>
        ) : null}
      </div>
    </>
  );
}
