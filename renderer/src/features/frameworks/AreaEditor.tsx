import { memo, useState } from 'react';
import type { CapabilityArea, Stage } from '../../../../shared/domain/framework';
import { TextField } from '../../components/fields';
import { ConfirmRemoval } from './ConfirmRemoval';
import { countIndicators, moveArea, removeArea, setAreaTitle, type EditDraft } from './draft';
import { useFocusLater } from './focus';
import { IndicatorTreeEditor } from './IndicatorTreeEditor';
import { areaName, editId, stageName } from './names';
import { QuestionsEditor } from './QuestionsEditor';

interface Props {
  area: CapabilityArea;
  index: number;
  areaCount: number;
  stages: Stage[];
  edit: EditDraft;
}

/**
 * One capability area: its title, place in the order, guidance questions and evidence indicators per stage.
 * Memoised: an edit elsewhere keeps this area's object, so typing re-renders only the area being typed in.
 */
export const AreaEditor = memo(function AreaEditor({ area, index, areaCount, stages, edit }: Props) {
  const focusLater = useFocusLater();
  const [confirming, setConfirming] = useState(false);
  const name = areaName(area, index);
  const headingId = `area-${area.id}-heading`;

  const move = (by: -1 | 1) => {
    edit((fw) => moveArea(fw, area.id, by));
    const to = index + by;
    // Keep focus on the button pressed, or on the other one once the area reaches the top or bottom.
    const stillMovable = by < 0 ? to > 0 : to < areaCount - 1;
    focusLater(editId.moveArea(area.id, stillMovable ? by : by < 0 ? 1 : -1));
  };
  const remove = () => {
    edit((fw) => removeArea(fw, area.id));
    focusLater(editId.areasHeading);
  };
  const cancel = () => {
    setConfirming(false);
    focusLater(editId.removeArea(area.id));
  };
  const indicatorCount = Object.values(area.indicators).reduce((n, items) => n + countIndicators(items), 0);

  return (
    <section className="framework-area area-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {index + 1}. {name}
      </h3>
      <TextField
        label={`Title of capability area ${index + 1}`}
        value={area.title}
        data-edit-id={editId.areaTitle(area.id)}
        onChange={({ target: { value: text } }) => edit((fw) => setAreaTitle(fw, area.id, text))}
      />
      {!confirming && (
        <div className="button-group">
          {index > 0 && (
            <button type="button" className="button-secondary" data-edit-id={editId.moveArea(area.id, -1)} onClick={() => move(-1)}>
              Move up<span className="visually-hidden"> capability area {name}</span>
            </button>
          )}
          {index < areaCount - 1 && (
            <button type="button" className="button-secondary" data-edit-id={editId.moveArea(area.id, 1)} onClick={() => move(1)}>
              Move down<span className="visually-hidden"> capability area {name}</span>
            </button>
          )}
          <button type="button" className="button-secondary" data-edit-id={editId.removeArea(area.id)} onClick={() => setConfirming(true)}>
            Remove capability area<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmRemoval
          message={`Removing the capability area “${name}” also removes its ${plural(area.questions.length, 'guidance question')} and ${plural(indicatorCount, 'evidence indicator')}.`}
          confirmLabel="Yes, remove capability area"
          context={name}
          onConfirm={remove}
          onCancel={cancel}
        />
      )}
      <QuestionsEditor area={area} areaTitle={name} edit={edit} />
      {stages.map((stage, i) => (
        <IndicatorTreeEditor key={stage.id} area={area} stage={stage} stageLabel={stageName(stage, i)} areaTitle={name} edit={edit} />
      ))}
    </section>
  );
});

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
