"use client";

/**
 * One filter of the incident list. A client component for the same reason as the table: the
 * server sends the options once, as data (the owner filter alone lists every colleague).
 */
export function Filter({ name, label, value, options, any }: { name: string; label: string; value?: string; options: ReadonlyArray<readonly [string, string]>; any?: string }) {
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {any ? <option value="">{any}</option> : null}
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </div>
  );
}
