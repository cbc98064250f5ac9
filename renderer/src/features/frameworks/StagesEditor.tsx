import { useState, type FormEvent } from 'react';
import type { Framework, Stage } from '../../../../shared/domain/framework';
import { TextField } from '../../components/fields';
import { ConfirmRemoval } from './ConfirmRemoval';
import { addStage, indicatorsInStage, newStageId, removeStage, updateStage, type EditDraft } from './draft';
import { useFocusLater } from './focus';
import { editId, stageName } from './names';

/** The maturity horizons every capability area is scored at. */
export function StagesEditor({ draft, edit }: { draft: Framework; edit: EditDraft }) {
  return (
    <section aria-labelledby="stages-heading">
      <h2 id="stages-heading" tabIndex={-1} data-edit-id={editId.stagesHeading}>
        Stages
      </h2>
      <p className="hint">
        Every capability area has evidence indicators for each stage. A stage’s horizon says when it is expected, for example “during 2021/22”.
      </p>
      {draft.stages.length === 0 && <p>There are no stages. A framework needs at least one.</p>}
      <ol className="editor-list">
        {draft.stages.map((stage, i) => (
          <StageRow key={stage.id} stage={stage} index={i} indicatorCount={indicatorsInStage(draft, stage.id)} edit={edit} />
        ))}
      </ol>
      <AddStage draft={draft} edit={edit} />
    </section>
  );
}

function StageRow({ stage, index, indicatorCount, edit }: { stage: Stage; index: number; indicatorCount: number; edit: EditDraft }) {
  const focusLater = useFocusLater();
  const [confirming, setConfirming] = useState(false);
  const name = stageName(stage, index);
  const remove = () => {
    edit((fw) => removeStage(fw, stage.id));
    focusLater(editId.stagesHeading);
  };
  const cancel = () => {
    setConfirming(false);
    focusLater(editId.removeStage(stage.id));
  };
  return (
    <li className="editor-item">
      <div className="inline-form">
        <TextField
          label={`Label of stage ${index + 1}`}
          value={stage.label}
          onChange={({ target: { value: text } }) => edit((fw) => updateStage(fw, stage.id, { label: text }))}
        />
        <TextField
          label={`Horizon of stage ${index + 1}`}
          value={stage.horizon}
          onChange={({ target: { value: text } }) => edit((fw) => updateStage(fw, stage.id, { horizon: text }))}
        />
        {!confirming && (
          <button type="button" className="button-secondary" data-edit-id={editId.removeStage(stage.id)} onClick={() => setConfirming(true)}>
            Remove stage<span className="visually-hidden"> {name}</span>
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmRemoval
          message={`Removing the stage “${name}” also removes its ${indicatorCount === 1 ? '1 evidence indicator' : `${indicatorCount} evidence indicators`} from every capability area.`}
          confirmLabel="Yes, remove stage"
          context={name}
          onConfirm={remove}
          onCancel={cancel}
        />
      )}
    </li>
  );
}

function AddStage({ draft, edit }: { draft: Framework; edit: EditDraft }) {
  const [label, setLabel] = useState('');
  const [horizon, setHorizon] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    const stage = { id: newStageId(draft, label), label: label.trim(), horizon: horizon.trim() };
    edit((fw) => addStage(fw, stage));
    setLabel('');
    setHorizon('');
  };
  return (
    <form onSubmit={add} className="inline-form" aria-label="Add a stage">
      <TextField label="New stage label" value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={60} />
      <TextField label="New stage horizon (optional)" value={horizon} onChange={(e) => setHorizon(e.target.value)} maxLength={120} />
      <button type="submit" className="button-secondary">
        Add stage
      </button>
    </form>
  );
}
