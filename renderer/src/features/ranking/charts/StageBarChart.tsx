import type { RankedRow } from '../../../../../shared/api/ranking';
import type { Stage } from '../../../../../shared/domain/framework';
import { percent, rankLabel, twoDp } from '../format';
import { soFar, type TotalsScope } from '../scope';
import { ChartFrame, Lines } from './ChartFrame';
import { legendHeight, legendLayout } from './legend';
import { INK, MUTED } from './palette';
import { SeriesPatterns, seriesFill } from './Patterns';
import { wrapLabel } from './wrap';

const LABEL_W = 250;
const PLOT_X = 260;
const PLOT_W = 560;
const WIDTH = PLOT_X + PLOT_W + 110;
const ROW_H = 52;
const BAR_H = 26;
const AXIS_H = 40;
const TICKS = [0, 25, 50, 75, 100];
/** Room above the bars for the label of the "most possible so far" line. */
const MARK_H = 22;

const x = (percentOfMax: number) => PLOT_X + (Math.max(0, Math.min(100, percentOfMax)) / 100) * PLOT_W;

function rowLabel(row: RankedRow): string[] {
  if (row.rank === null) return [...wrapLabel(row.name, 34), 'Not ranked: fails a threshold'];
  return [...wrapLabel(`${rankLabel(row)}. ${row.name}`, 34), ...(row.tied ? ['Tied'] : [])];
}

const summaryOf = (rows: RankedRow[], stages: Stage[]) =>
  rows
    .map((r) => {
      const parts = stages.map((s) => `${s.label} ${twoDp(r.byStage.find((b) => b.id === s.id)?.points ?? 0)}`).join(', ');
      const status = r.failures.length > 0 ? 'fails a minimum threshold' : `rank ${rankLabel(r)}`;
      return `${r.name}, ${status}: ${percent(r.total)} (${parts})`;
    })
    .join('; ');

/** Each bidder's weighted total as one horizontal bar, split into its stage sub-totals, the total printed at its end. */
export function StageBarChart({ rows, stages, scope }: { rows: RankedRow[]; stages: Stage[]; scope: TotalsScope }) {
  const legend = legendLayout(
    stages.map((s) => s.label),
    PLOT_X,
    WIDTH,
  );
  const mark = scope.partial ? MARK_H : 0;
  const top0 = legendHeight(legend) + mark;
  const height = top0 + rows.length * ROW_H + AXIS_H;
  const axisY = top0 + rows.length * ROW_H;
  return (
    <ChartFrame
      width={WIDTH}
      height={height}
      title="Weighted totals by stage"
      summary={`Percentage of the maximum total, split by stage sub-totals${scope.partial ? `, ${soFar(scope)}` : ''}. ${summaryOf(rows, stages)}.`}
    >
      {({ prefix }) => (
        <>
          <defs>
            <SeriesPatterns prefix={prefix} count={stages.length} />
          </defs>
          {legend.map((item, i) => (
            <g key={i} transform={`translate(${item.x}, ${item.y + 6})`}>
              <rect width={18} height={18} fill={seriesFill(prefix, i)} stroke={INK} />
              <text x={24} y={14} fill={INK}>
                {item.label}
              </text>
            </g>
          ))}
          {TICKS.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={top0} y2={axisY} stroke={MUTED} strokeDasharray="2 4" />
              <text x={x(t)} y={axisY + 18} textAnchor="middle" fill={INK}>
                {t}%
              </text>
            </g>
          ))}
          {scope.partial && (
            <g>
              <line
                x1={x(scope.maxTotal)}
                x2={x(scope.maxTotal)}
                y1={top0 - mark + 4}
                y2={axisY}
                stroke={INK}
                strokeWidth={2}
                strokeDasharray="6 4"
              />
              <text x={x(scope.maxTotal) + (scope.maxTotal > 50 ? -6 : 6)} y={top0 - 6} textAnchor={scope.maxTotal > 50 ? 'end' : 'start'} fill={INK}>
                Most possible so far: {percent(scope.maxTotal)}
              </text>
            </g>
          )}
          <text x={PLOT_X + PLOT_W / 2} y={axisY + 36} textAnchor="middle" fill={INK}>
            Percentage of the maximum total
          </text>
          {rows.map((row, r) => {
            const top = top0 + r * ROW_H + (ROW_H - BAR_H) / 2;
            const label = rowLabel(row);
            let start = 0;
            return (
              <g key={row.bidderId}>
                <Lines
                  x={LABEL_W}
                  y={top + BAR_H / 2 + 5 - ((label.length - 1) * 15) / 2}
                  lines={label}
                  textAnchor="end"
                  fill={INK}
                  lineHeight={15}
                />
                {stages.map((s, i) => {
                  const points = row.byStage.find((b) => b.id === s.id)?.points ?? 0;
                  const segment = (
                    <rect
                      key={s.id}
                      x={x(start)}
                      y={top}
                      width={x(start + points) - x(start)}
                      height={BAR_H}
                      fill={seriesFill(prefix, i)}
                      stroke="#ffffff"
                      strokeWidth={1.5}
                    />
                  );
                  start += points;
                  return segment;
                })}
                <line x1={PLOT_X} x2={PLOT_X} y1={top - 2} y2={top + BAR_H + 2} stroke={INK} strokeWidth={2} />
                <text x={x(row.total) + 8} y={top + BAR_H / 2 + 5} fill={INK} fontWeight={700}>
                  {percent(row.total)}
                </text>
              </g>
            );
          })}
        </>
      )}
    </ChartFrame>
  );
}
