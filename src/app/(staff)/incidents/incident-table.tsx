"use client";

import { useInAppLinks } from "@/components/ui/use-in-app-links";
import { Badge, SEVERITY_TONE } from "@/components/ui/badge";
import { SEVERITY_LABEL, type Severity } from "@/domain/incident/types";

/**
 * One list row, every cell already worded by the server (times in the viewer's zone), as a
 * tuple: the rows travel as data and the list is the busiest page, so the field names are not
 * repeated 25 times.
 */
export type IncidentTableRow = readonly [
  id: string,
  reference: string,
  title: string,
  clientName: string,
  type: string,
  severity: Severity,
  phase: string,
  owner: string,
  awareAt: string,
];

/**
 * The incident table. A client component on purpose: the server sends the rows once, as data,
 * instead of as a component tree beside the HTML; what a page costs to build grows with its
 * size, and the list is the busiest page. A plain click on a row's link opens the incident
 * inside the app (one listener for all rows instead of a Link each); modified clicks, and pages
 * without script, follow the link.
 */
export function IncidentTable({ rows }: { rows: readonly IncidentTableRow[] }) {
  const open = useInAppLinks();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="list-table">
        <caption className="sr-only">Incidents</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Title</th>
            <th scope="col">Client</th>
            <th scope="col">Type</th>
            <th scope="col">Severity</th>
            <th scope="col">Phase</th>
            <th scope="col">Owner</th>
            <th scope="col">Aware since</th>
          </tr>
        </thead>
        <tbody onClick={open}>
          {rows.map(([id, reference, title, clientName, type, severity, phase, owner, awareAt]) => (
            <tr key={id}>
              <td className="ref">
                <a href={`/incidents/${id}`}>{reference}</a>
              </td>
              <td>{title}</td>
              <td>{clientName}</td>
              <td>{type}</td>
              <td>
                <Badge tone={SEVERITY_TONE[severity]}>{SEVERITY_LABEL[severity]}</Badge>
              </td>
              <td>{phase}</td>
              <td>{owner}</td>
              <td className="nowrap">{awareAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
