import { useId } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import { INDICATOR_MARK_LABELS, INDICATOR_MARKS, type IndicatorMark } from '../../../../shared/domain/scoring';

interface Props {
  items: Indicator[];
  marks: Record<string, IndicatorMark>;
  readOnly: boolean;
  onMark(marks: Record<string, IndicatorMark>): void;
}

const CHOICES: [IndicatorMark | 'none', string][] = [
  ['none', 'Not marked'],
  ...INDICATOR_MARKS.map((m): [IndicatorMark, string] => [m, INDICATOR_MARK_LABELS[m]]),
];

/** Evidence indicators, nested as the framework nests them, each with an optional Evidenced / Partly / Not evidenced mark. */
export function IndicatorMarks({ items, marks, readOnly, onMark }: Props) {
  const setMark = (indicatorId: string, mark: IndicatorMark | 'none') => {
    const { [indicatorId]: _previous, ...rest } = marks;
    onMark(mark === 'none' ? rest : { ...rest, [indicatorId]: mark });
  };
  return (
    <ul className="indicator-marks">
      {items.map((item) => (
        <li key={item.id}>
          {readOnly ? (
            <p>
              {item.text} <span className="mark-result">{marks[item.id] ? INDICATOR_MARK_LABELS[marks[item.id]!] : 'Not marked'}</span>
            </p>
          ) : (
            <MarkChoice indicator={item} mark={marks[item.id]} onChange={(m) => setMark(item.id, m)} />
          )}
          {item.children.length > 0 && <IndicatorMarks items={item.children} marks={marks} readOnly={readOnly} onMark={onMark} />}
        </li>
      ))}
    </ul>
  );
}

function MarkChoice({
  indicator,
  mark,
  onChange,
}: {
  indicator: Indicator;
  mark: IndicatorMark | undefined;
  onChange(m: IndicatorMark | 'none'): void;
}) {
  const id = useId();
  return (
    <fieldset className="indicator-mark">
      <legend>{indicator.text}</legend>
      <div className="mark-options">
        {CHOICES.map(([value, label]) => (
          <div className="radio" key={value}>
            <input type="radio" id={`${id}-${value}`} name={`mark-${id}`} checked={(mark ?? 'none') === value} onChange={() => onChange(value)} />
            <label htmlFor={`${id}-${value}`}>{label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
