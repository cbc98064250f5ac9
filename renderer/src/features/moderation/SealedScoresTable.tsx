import type { BoardCriterion, SealedScore } from '../../../../shared/api/moderation';
import type { Scale } from '../../../../shared/domain/scale';
import { useModeration } from '../../stores/moderation';
import { NOT_COUNTED, scoreLabel } from './wording';

function EvidenceList({ refs }: { refs: SealedScore['evidenceRefs'] }) {
  const documents = useModeration((s) => s.documents);
  if (refs.length === 0) return <>None cited</>;
  return (
    <ul className="evidence-list">
      {refs.map((r, i) => (
        <li key={i}>
          {documents[r.documentId] ?? 'Evidence document'}
          {r.location && `, ${r.location}`}
        </li>
      ))}
    </ul>
  );
}

/** Every evaluator's sealed score, rationale and evidence references for one criterion, side by side. */
export function SealedScoresTable({ criterion, name, scale }: { criterion: BoardCriterion; name: string; scale: Scale }) {
  if (criterion.sealed.length === 0) return <p>No evaluator has sealed a score for this criterion yet.</p>;
  return (
    <table className="sealed-scores">
      <caption className="visually-hidden">Sealed scores for {name}</caption>
      <thead>
        <tr>
          <th scope="col">Evaluator</th>
          <th scope="col">Score</th>
          <th scope="col">Rationale</th>
          <th scope="col">Evidence references</th>
        </tr>
      </thead>
      <tbody>
        {criterion.sealed.map((s) => (
          <tr key={s.evaluatorId} className={s.counted ? undefined : 'not-counted'}>
            <th scope="row">{s.evaluatorName}</th>
            <td className="score-cell">
              {scoreLabel(scale, s.score)}
              {s.excludedBecause && <p className="not-counted-note">{NOT_COUNTED[s.excludedBecause]}</p>}
            </td>
            <td className="rationale">{s.rationale}</td>
            <td>
              <EvidenceList refs={s.evidenceRefs} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
