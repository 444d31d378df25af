"use client";

import { useRef, useState } from "react";
import { INCIDENT_TYPES, PHASES, PHASE_LABEL, SEVERITIES, SEVERITY_LABEL, TYPE_LABEL } from "@/domain/incident/types";
import { SORTS, SORT_LABEL, STATUSES, STATUS_LABEL } from "@/lib/incident-list-options";

type Option = readonly [value: string, label: string];

const STATUS_OPTIONS: Option[] = STATUSES.map((s) => [s, STATUS_LABEL[s]]);
const SORT_OPTIONS: Option[] = SORTS.map((s) => [s, SORT_LABEL[s]]);
const PHASE_OPTIONS: Option[] = PHASES.map((p) => [p, PHASE_LABEL[p]]);
const TYPE_OPTIONS: Option[] = INCIDENT_TYPES.map((t) => [t, TYPE_LABEL[t]]);
const SEVERITY_OPTIONS: Option[] = SEVERITIES.map((s) => [s, SEVERITY_LABEL[s]]);

function Filter({
  name,
  label,
  value,
  options,
  any,
}: {
  name: string;
  label: string;
  value?: string;
  options: readonly Option[];
  any?: string;
}) {
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        {any ? <option value="">{any}</option> : null}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The owner filter. Every colleague who may own work would be dozens of names on every visit
 * of the list, so the page carries only the fixed choices and the chosen person; the rest are
 * fetched the first time the filter is approached (pointer or focus), before it opens. Without
 * script it offers the fixed choices and keeps the current one.
 */
function OwnerFilter({ value, chosen }: { value?: string; chosen?: Option }) {
  const [people, setPeople] = useState<readonly Option[] | null>(null);
  const [failed, setFailed] = useState(false);
  const asked = useRef(false);
  function load() {
    if (asked.current) return;
    asked.current = true;
    fetch("/api/staff", { headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { people: Array<{ id: string; name: string }> };
        setPeople(body.people.map((p) => [p.id, p.name] as const));
      })
      .catch(() => {
        asked.current = false; // try again on the next approach
        setFailed(true);
      });
  }
  const others = people ?? (chosen ? [chosen] : []);
  return (
    <div className="filter-field" onPointerEnter={load} onFocus={load}>
      <label htmlFor="filter-owner">Owner</label>
      <select id="filter-owner" name="owner" defaultValue={value ?? ""}>
        <option value="">Anyone</option>
        <option value="me">Me</option>
        <option value="none">Unassigned</option>
        {others.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
        {failed && !people ? <option disabled>Colleagues could not be loaded</option> : null}
      </select>
    </div>
  );
}

export type FilterValues = {
  status: string;
  sort: string;
  phase?: string;
  type?: string;
  severity?: string;
  clientId?: string;
  owner?: string;
};

/**
 * The incident list's select filters. A client component so that only what varies travels as
 * data (the chosen values and the clients to pick from); the fixed choices are part of the
 * script, and colleagues are fetched when the owner filter is used.
 */
export function IncidentFilters({
  values,
  clients,
  owner,
}: {
  values: FilterValues;
  clients: readonly Option[];
  owner?: Option;
}) {
  return (
    <>
      <Filter name="status" label="Status" value={values.status} options={STATUS_OPTIONS} />
      <Filter name="sort" label="Sort" value={values.sort} options={SORT_OPTIONS} />
      <Filter name="phase" label="Phase" value={values.phase} any="Any phase" options={PHASE_OPTIONS} />
      <Filter name="type" label="Type" value={values.type} any="Any type" options={TYPE_OPTIONS} />
      <Filter name="severity" label="Severity" value={values.severity} any="Any severity" options={SEVERITY_OPTIONS} />
      <Filter name="clientId" label="Client" value={values.clientId} any="Any client" options={clients} />
      <OwnerFilter value={values.owner} chosen={owner} />
    </>
  );
}
