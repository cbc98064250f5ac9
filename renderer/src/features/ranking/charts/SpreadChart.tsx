import type { BoardCriterion } from '../../../../../shared/api/moderation';
import type { Framework } from '../../../../../shared/domain/framework';
import { score } from '../format';
import { areaTitle, criterionName, stageLabel } from '../names';
import { ChartFrame, Lines } from './ChartFrame';
import { FLAG, INK, MUTED, seriesColour } from './palette';
import { wrapLabel } from './wrap';

const LABEL_W = 250;
const PLOT_X = 280;
const PLOT_W = 340;
const NOTE_X = PLOT_X + PLOT_W + 30;
const WIDTH = NOTE_X + 130;
const LEGEND_H = 40;
const ROW_H = 60;
const AXIS_H = 44;
const MARKER = seriesColour(2);

interface Props {
  criteria: BoardCriterion[];
  framework: Pick<Framework, 'areas' | 'stages'>;
  scalePoints: number[];
  /** What the marked score is: the consensus, or the mean or median of the sealed scores. */
  markerLabel: string;
}

const diamond = (cx: number, cy: number, r = 8) => `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;

/** Per criterion: the range of the sealed scores as a line, a dot per distinct score (with how many gave it), the score that counts marked. */
export function SpreadChart({ criteria, framework, scalePoints, markerLabel }: Props) {
  const min = scalePoints[0] ?? 0;
  const max = scalePoints[scalePoints.length - 1] ?? 1;
  const x = (v: number) => PLOT_X + ((v - min) / (max - min || 1)) * PLOT_W;
  const axisY = LEGEND_H + criteria.length * ROW_H;
  const summary = criteria
    .map((c) => {
      const counted = c.sealed.filter((s) => s.counted);
      const left = c.sealed.length - counted.length;
      const scores =
        c.sealed.length === 0
          ? 'no sealed scores'
          : `scores ${counted.map((s) => s.score).join(', ') || 'none counted'}${left > 0 ? ` (${left} not counted)` : ''}, spread ${c.spread}${c.flagged ? ', flagged' : ''}`;
      return `${criterionName(framework, c.criterionId)}: ${scores}${c.aggregated === null ? '' : `, ${markerLabel.toLowerCase()} ${score(c.aggregated)}`}`;
    })
    .join('; ');
  return (
    <ChartFrame width={WIDTH} height={axisY + AXIS_H} title="Spread of the evaluators’ sealed scores per criterion" summary={`${summary}.`}>
      {() => (
        <>
          <g transform={`translate(${PLOT_X}, 8)`}>
            <circle cx={8} cy={10} r={6} fill={INK} />
            <text x={22} y={15} fill={INK}>
              An evaluator’s sealed score (×2: given twice)
            </text>
            <path d={diamond(8, 34, 7)} fill={MARKER} stroke={INK} transform="translate(0, -4)" />
            <text x={22} y={35} fill={INK}>
              {markerLabel}
            </text>
          </g>
          {scalePoints.map((p) => (
            <g key={p}>
              <line x1={x(p)} x2={x(p)} y1={LEGEND_H + 8} y2={axisY} stroke={MUTED} strokeDasharray="2 4" />
              <text x={x(p)} y={axisY + 18} textAnchor="middle" fill={INK}>
                {p}
              </text>
            </g>
          ))}
          <text x={PLOT_X + PLOT_W / 2} y={axisY + 38} textAnchor="middle" fill={INK}>
            Score on the scale
          </text>
          {criteria.map((c, i) => (
            <Row key={c.criterionId} c={c} top={LEGEND_H + 8 + i * ROW_H} x={x} framework={framework} />
          ))}
        </>
      )}
    </ChartFrame>
  );
}

function Row({ c, top, x, framework }: { c: BoardCriterion; top: number; x: (v: number) => number; framework: Props['framework'] }) {
  const [areaId = '', stageId = ''] = c.criterionId.split('/');
  const label = [...wrapLabel(areaTitle(framework, areaId), 32), `— ${stageLabel(framework, stageId)}`];
  const mid = top + ROW_H / 2 - 4;
  const counts = new Map<number, number>();
  // Only the scores that count: one left out by a conflict of interest is not part of the spread.
  for (const s of c.sealed) if (s.counted) counts.set(s.score, (counts.get(s.score) ?? 0) + 1);
  const values = [...counts.keys()];
  return (
    <g>
      <Lines x={LABEL_W} y={mid + 5 - ((label.length - 1) * 14) / 2} lines={label} lineHeight={14} textAnchor="end" fill={INK} />
      {values.length === 0 && (
        <text x={PLOT_X + 4} y={mid + 5} fill={INK}>
          {c.sealed.length === 0 ? 'No sealed scores yet' : 'No sealed score counts'}
        </text>
      )}
      {values.length > 1 && <line x1={x(Math.min(...values))} x2={x(Math.max(...values))} y1={mid} y2={mid} stroke={MUTED} strokeWidth={4} />}
      {values.map((v) => (
        <g key={v}>
          <circle cx={x(v)} cy={mid} r={6} fill={INK} stroke="#ffffff" strokeWidth={1.5} />
          {counts.get(v)! > 1 && (
            <text x={x(v)} y={mid - 11} textAnchor="middle" fill={INK} fontSize={12} fontWeight={700}>
              ×{counts.get(v)}
            </text>
          )}
        </g>
      ))}
      {c.aggregated !== null && <path d={diamond(x(c.aggregated), mid + 17, 7)} fill={MARKER} stroke={INK} />}
      <text x={NOTE_X} y={mid + 5} fill={c.flagged ? FLAG : INK} fontWeight={c.flagged ? 700 : 400}>
        {c.flagged ? 'Flagged' : c.spread === null ? '' : `Spread ${c.spread}`}
      </text>
      {c.flagged && (
        <text x={NOTE_X} y={mid + 21} fill={INK} fontSize={12}>
          spread {c.spread}
        </text>
      )}
    </g>
  );
}
