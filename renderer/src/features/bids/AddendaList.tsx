import type { BidAddendum } from '../../../../shared/api/submissions';
import { AddendumChanges, addendumSubject } from './AddendumChanges';
import { formatWhen } from './format';

/** The lead's record of the addenda to one bid, newest first: why, who, when and what each changed. */
export function AddendaList({ evaluationId, addenda, areaTitle }: { evaluationId: string; addenda: BidAddendum[]; areaTitle(areaId: string): string }) {
  if (addenda.length === 0) return <p>No addenda yet.</p>;
  return (
    <ul className="addendum-list">
      {[...addenda].reverse().map((a) => (
        <li key={a.id} className="addendum">
          <h5>
            {addendumSubject(a, areaTitle)}, {formatWhen(a.madeAt)}
          </h5>
          <p>
            <strong>Reason:</strong> {a.reason}
          </p>
          <p className="hint">Recorded by {a.madeBy}.</p>
          <AddendumChanges evaluationId={evaluationId} addendum={a} areaTitle={areaTitle} />
        </li>
      ))}
    </ul>
  );
}
