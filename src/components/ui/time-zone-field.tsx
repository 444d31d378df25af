"use client";

import { useId, useSyncExternalStore } from "react";
import { CONTROL_CLASS, FieldFrame, describedByFor } from "./field-frame";

/** Every IANA zone this browser knows, UTC included (some engines list only the regional ones). */
function ianaZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

// The list never changes while the page lives: built once, on first use in the browser. The
// server's snapshot (also used while hydrating) is empty, so the HTML carries no zones.
let browserZones: string[] | undefined;
const noZones: string[] = [];
const neverChanges = () => () => undefined;
const zonesInBrowser = () => (browserZones ??= ianaZones());
const zonesOnServer = () => noZones;

/**
 * A time zone picked from the IANA list: type a few letters ("berl", "new_y") and choose. The
 * list is built in the browser after the page loads, so four forms on a page do not carry four
 * copies of 400 zones in their HTML; without script it is a text box. The server checks the
 * zone either way (isTimeZone in the form's schema).
 */
export function TimeZoneField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  id,
  className,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  id?: string;
  className?: string;
}) {
  const autoId = useId();
  const controlId = id ?? `field-${name}-${autoId}`;
  const listId = `${controlId}-zones`;
  const zones = useSyncExternalStore(neverChanges, zonesInBrowser, zonesOnServer);
  return (
    <FieldFrame controlId={controlId} label={label} hint={hint} errors={errors} className={className}>
      <input
        id={controlId}
        name={name}
        list={listId}
        defaultValue={defaultValue}
        placeholder="Start typing: Europe/Berlin, America/New_York…"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedByFor(controlId, hint, errors)}
        className={CONTROL_CLASS}
      />
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </FieldFrame>
  );
}
