import type { RankedRow } from '../../../../../shared/api/ranking';
import type { Framework } from '../../../../../shared/domain/framework';
import { score } from '../format';
import { ChartFrame, Lines } from './ChartFrame';
import { FLAG, heat, HEAT_STEPS, INK, MUTED } from './palette';
import { wrapLabel } from './wrap';

const LABEL_W = 240;
const GRID_X = 250;
const CELL_W = 128;
const CELL_H = 56;
const HEADER_H = 44;
const LEGEND_H = 44;

interface Props {
  row: RankedRow;
  framework: Pick<Framework, 'areas' | 'stages'>;
  scaleMin: number;
  scaleMax: number;
}

/** One bidder's maturity profile as a heatmap: capability areas down, stages across, the score printed in each cell. */
export function ProfileHeatmap({ row, framework, scaleMin, scaleMax }: Props) {
  const { areas, stages } = framework;
  const failing = new Set(row.failures.map((f) => f.criterionId));
  const scoreAt = (areaId: string, stageId: string) => row.profile.find((p) => p.areaId === areaId && p.stageId === stageId)?.score ?? null;
  const width = GRID_X + stages.length * CELL_W + 10;
  const gridBottom = HEADER_H + areas.length * CELL_H;
  const summary = areas
    .map(
      (a) =>
        `${a.title}: ${stages.map((s) => `${s.label} ${scoreAt(a.id, s.id) === null ? 'no score counts yet' : score(scoreAt(a.id, s.id))}`).join(', ')}`,
    )
    .join('; ');
  const swatch = 28;
  return (
    <ChartFrame
      width={width}
      height={gridBottom + LEGEND_H}
      title={`Maturity profile of ${row.name}`}
      summary={`Scores by capability area and stage, on a scale of ${scaleMin} to ${scaleMax}. ${summary}.`}
    >
      {() => (
        <>
          {stages.map((s, j) => (
            <Lines
              key={s.id}
              x={GRID_X + j * CELL_W + CELL_W / 2}
              y={HEADER_H - 10 - (wrapLabel(s.label, 14).length - 1) * 15}
              lines={wrapLabel(s.label, 14)}
              textAnchor="middle"
              fill={INK}
              fontWeight={700}
              lineHeight={15}
            />
          ))}
          {areas.map((a, i) => {
            const top = HEADER_H + i * CELL_H;
            const label = wrapLabel(a.title, 30, 3);
            return (
              <g key={a.id}>
                <Lines
                  x={LABEL_W}
                  y={top + CELL_H / 2 + 5 - ((label.length - 1) * 15) / 2}
                  lines={label}
                  textAnchor="end"
                  fill={INK}
                  lineHeight={15}
                />
                {stages.map((s, j) => {
                  const value = scoreAt(a.id, s.id);
                  const colours = value === null ? { fill: '#ffffff', text: INK } : heat(value, scaleMin, scaleMax);
                  const fails = failing.has(`${a.id}/${s.id}`);
                  const cx = GRID_X + j * CELL_W + CELL_W / 2;
                  return (
                    <g key={s.id}>
                      <rect x={GRID_X + j * CELL_W} y={top} width={CELL_W} height={CELL_H} fill={colours.fill} stroke={MUTED} />
                      {fails && (
                        <rect
                          x={GRID_X + j * CELL_W + 3}
                          y={top + 3}
                          width={CELL_W - 6}
                          height={CELL_H - 6}
                          fill="none"
                          stroke={FLAG}
                          strokeWidth={3}
                          strokeDasharray="6 3"
                        />
                      )}
                      <text
                        x={cx}
                        y={top + (fails ? 26 : value === null ? 33 : 35)}
                        textAnchor="middle"
                        fill={colours.text}
                        fontSize={value === null ? 13 : 18}
                        fontWeight={700}
                      >
                        {value === null ? 'No score yet' : score(value)}
                      </text>
                      {fails && (
                        <text x={cx} y={top + 42} textAnchor="middle" fill={colours.text} fontSize={12} fontWeight={700}>
                          Below minimum
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          <g transform={`translate(${GRID_X}, ${gridBottom + 14})`}>
            <text x={-8} y={14} textAnchor="end" fill={INK}>
              Score {score(scaleMin)}
            </text>
            {Array.from({ length: HEAT_STEPS }, (_, k) => (
              <rect
                key={k}
                x={k * swatch}
                width={swatch}
                height={18}
                fill={heat(scaleMin + ((scaleMax - scaleMin) * k) / (HEAT_STEPS - 1), scaleMin, scaleMax).fill}
                stroke={MUTED}
              />
            ))}
            <text x={HEAT_STEPS * swatch + 8} y={14} fill={INK}>
              {score(scaleMax)}
            </text>
          </g>
        </>
      )}
    </ChartFrame>
  );
}
