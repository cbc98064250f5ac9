import type { MyBidderDeclarations } from '../../../../shared/api/conflicts';
import { decisionLabel, kindLabel, subjectLabel, when } from './labels';

/** Everything the person has declared in this evaluation, newest first, superseded declarations included. */
export function DeclarationHistory({ bidders }: { bidders: MyBidderDeclarations[] }) {
  const history = bidders.flatMap((b) => b.history).sort((x, y) => y.declaredAt.localeCompare(x.declaredAt));
  return (
    <section aria-labelledby="declaration-history-heading">
      <h3 id="declaration-history-heading">Your declarations</h3>
      {history.length === 0 ? (
        <p>You have not declared anything in this evaluation yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Your declarations, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Declared</th>
              <th scope="col">About</th>
              <th scope="col">Declaration</th>
              <th scope="col">Description</th>
              <th scope="col">Procurement lead’s decision</th>
            </tr>
          </thead>
          <tbody>
            {history.map((d) => (
              <tr key={d.id} className={d.supersededBy ? 'superseded' : undefined}>
                <td>{when(d.declaredAt)}</td>
                <th scope="row">{subjectLabel(d)}</th>
                <td>
                  {kindLabel(d.kind)}
                  {d.supersededBy && <span className="tag">superseded</span>}
                </td>
                <td>{d.description || '—'}</td>
                <td>{d.mitigations.length === 0 ? '—' : d.mitigations.map((m) => `${decisionLabel(m.decision)} (${m.reason})`).join('; then ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
