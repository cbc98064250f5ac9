import type { Declaration } from '../../../../shared/api/conflicts';
import { decisionLabel, kindLabel, subjectLabel, when } from './labels';

interface Props {
  declarations: Declaration[];
  onDecide(declaration: Declaration): void;
}

/** Every declaration ever made, oldest first; superseded ones are marked, never hidden. */
export function RegisterTable({ declarations, onDecide }: Props) {
  if (declarations.length === 0) return <p>No declarations match.</p>;
  return (
    <table>
      <caption className="visually-hidden">Conflict of interest declarations, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">About</th>
          <th scope="col">Declaration</th>
          <th scope="col">Description</th>
          <th scope="col">Declared</th>
          <th scope="col">Decisions</th>
        </tr>
      </thead>
      <tbody>
        {declarations.map((d) => (
          <tr key={d.id} className={d.supersededBy ? 'superseded' : undefined}>
            <th scope="row">{d.personName}</th>
            <td>
              {subjectLabel(d)}
              {d.memberRemovedAt && <span className="effective">Removed from the bid {when(d.memberRemovedAt)}</span>}
            </td>
            <td>
              {kindLabel(d.kind)}
              {d.supersededBy && <span className="tag">superseded</span>}
            </td>
            <td>{d.description || '—'}</td>
            <td>{when(d.declaredAt)}</td>
            <td>
              <Decisions declaration={d} />
              {d.kind !== 'none' && !d.supersededBy && (
                <button type="button" className="link" onClick={() => onDecide(d)}>
                  Record a decision<span className="visually-hidden"> on {d.personName}’s conflict with {d.subject}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Decisions({ declaration }: { declaration: Declaration }) {
  if (declaration.kind === 'none') return <>Not needed</>;
  if (declaration.mitigations.length === 0) return <p className="awaiting">Awaiting a decision</p>;
  return (
    <ol className="decision-list">
      {declaration.mitigations.map((m) => (
        <li key={m.id}>
          {decisionLabel(m.decision)}: {m.reason} <span className="effective">{m.decidedBy}, {when(m.decidedAt)}</span>
        </li>
      ))}
    </ol>
  );
}
