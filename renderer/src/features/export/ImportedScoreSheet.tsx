import type { ScoreSheetImport } from '../../stores/score-sheets';

/** What an import recorded, per bidder sheet: counts and seals only. */
export function ImportedScoreSheet({ outcome }: { outcome: ScoreSheetImport }) {
  return (
    <table>
      <caption>Imported as {outcome.evaluatorName}’s scores</caption>
      <thead>
        <tr>
          <th scope="col">Bidder</th>
          <th scope="col">Sheet</th>
          <th scope="col">Criteria filled in</th>
          <th scope="col">Sealed</th>
        </tr>
      </thead>
      <tbody>
        {outcome.bidders.map((b) => (
          <tr key={b.bidderId}>
            <th scope="row">{b.bidderName}</th>
            <td>{b.sheetName}</td>
            <td>
              {b.filled} of {b.criteria}
            </td>
            <td>{b.sealedAt ? `Sealed ${b.sealedAt.slice(0, 16).replace('T', ' ')} UTC` : 'Not sealed'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
