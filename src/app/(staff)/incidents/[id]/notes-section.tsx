import { PageSection } from "./page-section";
import { NoteForm } from "./record-forms";

/** Staff-only notes; they appear in the timeline. */
export function NotesSection({ incidentId, mayUpdate }: { incidentId: string; mayUpdate: boolean }) {
  return (
    <PageSection id="notes" title="Internal notes">
      {mayUpdate ? <NoteForm incidentId={incidentId} /> : null}
      <p className="mt-2 text-xs text-slate-500">Notes appear in the timeline. Clients never see them.</p>
    </PageSection>
  );
}
