import type { RankedRow, RankingResult } from '../../../../shared/api/ranking';
import type { Framework } from '../../../../shared/domain/framework';
import { useNavigation } from '../../stores/navigation';
import { score } from './format';
import { criterionName } from './names';

type Flag = RankingResult['sensitivity'][number];

interface Props {
  evaluationId: string;
  /** Ranked bidders first, then those failing a threshold: the order the groups are listed in. */
  rows: RankedRow[];
  flags: Flag[];
  framework: Pick<Framework, 'areas' | 'stages'>;
  /** The word for the score that moves: "consensus" or "mean" or "median". */
  scoreWord: string;
}

const effect = (flag: Flag | undefined, sign: '+1' | '−1'): string =>
  !flag ? 'No change to the order' : flag.changesTopTwo ? `${sign} would change the top two` : `${sign} would change a rank`;

/** The criteria whose score, moved one point, would change the outcome: where the moderation meeting should spend its time. */
export function DecisiveCriteria({ evaluationId, rows, flags, framework, scoreWord }: Props) {
  const go = useNavigation((s) => s.go);
  const groups = rows
    .map((row) => {
      const mine = flags.filter((f) => f.bidderId === row.bidderId);
      const criteria = [...new Set(mine.map((f) => f.criterionId))].map((criterionId) => ({
        criterionId,
        up: mine.find((f) => f.criterionId === criterionId && f.delta === 1),
        down: mine.find((f) => f.criterionId === criterionId && f.delta === -1),
        now: row.profile.find((p) => `${p.areaId}/${p.stageId}` === criterionId)?.score ?? null,
      }));
      // The top two first: that is the decision the panel is making.
      criteria.sort(
        (a, b) => Number(Boolean(b.up?.changesTopTwo || b.down?.changesTopTwo)) - Number(Boolean(a.up?.changesTopTwo || a.down?.changesTopTwo)),
      );
      return { row, criteria };
    })
    .filter((g) => g.criteria.length > 0);

  return (
    <section aria-labelledby="decisive-heading">
      <h3 id="decisive-heading">Criteria that decide the outcome</h3>
      <p>
        For each criterion, would moving its {scoreWord} one point up or down change the order of the top two bidders, or any rank? These are the
        criteria to spend the moderation meeting on.
      </p>
      {groups.length === 0 && <p>No single one-point move on any criterion changes the order.</p>}
      {groups.map(({ row, criteria }) => (
        <div key={row.bidderId} className="decisive-bidder">
          <h4>{row.name}</h4>
          <table>
            <caption className="visually-hidden">Criteria of {row.name} whose score decides the outcome</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Score now</th>
                <th scope="col">One point higher</th>
                <th scope="col">One point lower</th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => (
                <tr key={c.criterionId}>
                  <th scope="row">{criterionName(framework, c.criterionId)}</th>
                  <td>{score(c.now)}</td>
                  <td className={c.up ? 'decisive' : undefined}>{effect(c.up, '+1')}</td>
                  <td className={c.down ? 'decisive' : undefined}>{effect(c.down, '−1')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="link" onClick={() => go({ name: 'evaluation', evaluationId, tab: 'moderation', bidderId: row.bidderId })}>
            Open the moderation board for {row.name}
          </button>
        </div>
      ))}
    </section>
  );
}
