import type { CapabilityArea, Indicator, Stage } from '../../../../shared/domain/framework';
import { TextArea } from '../../components/fields';
import { addIndicator, countIndicators, MAX_INDICATOR_DEPTH, removeIndicator, setIndicatorText, type EditDraft, type IndicatorPath } from './draft';
import { useFocusLater } from './focus';
import { editId, indicatorNumber } from './names';

interface Place {
  areaId: string;
  stageId: string;
  /** "under Developing in Governance and leadership": which list this is, for labels and buttons. */
  context: string;
  edit: EditDraft;
}

/** The evidence indicators of one capability area at one stage, as a nested list. */
export function IndicatorTreeEditor(props: { area: CapabilityArea; stage: Stage; stageLabel: string; areaTitle: string; edit: EditDraft }) {
  const { area, stage, stageLabel, areaTitle, edit } = props;
  const focusLater = useFocusLater();
  const place: Place = { areaId: area.id, stageId: stage.id, context: `under ${stageLabel} in ${areaTitle}`, edit };
  const items = area.indicators[stage.id] ?? [];
  const add = () => {
    edit((fw) => addIndicator(fw, area.id, stage.id, []).framework);
    focusLater(editId.indicatorText(area.id, stage.id, [items.length]));
  };
  return (
    <div className="indicator-editor">
      <h4>
        Evidence indicators under {stageLabel}
        {stage.horizon.trim() && <span className="hint"> ({stage.horizon})</span>}
      </h4>
      {items.length === 0 && <p className="hint">No evidence indicators yet.</p>}
      <IndicatorItems items={items} parentPath={[]} place={place} />
      <button type="button" className="button-secondary" data-edit-id={editId.addIndicator(area.id, stage.id)} onClick={add}>
        Add evidence indicator<span className="visually-hidden"> {place.context}</span>
      </button>
    </div>
  );
}

function IndicatorItems({ items, parentPath, place }: { items: Indicator[]; parentPath: IndicatorPath; place: Place }) {
  if (items.length === 0) return null;
  return (
    <ol className="indicator-tree">
      {items.map((item, i) => (
        <IndicatorItem key={item.id} item={item} path={[...parentPath, i]} place={place} />
      ))}
    </ol>
  );
}

function IndicatorItem({ item, path, place }: { item: Indicator; path: IndicatorPath; place: Place }) {
  const focusLater = useFocusLater();
  const { areaId, stageId, context, edit } = place;
  const number = indicatorNumber(path);
  const subItems = countIndicators(item.children);
  const addSubItem = () => {
    edit((fw) => addIndicator(fw, areaId, stageId, path).framework);
    focusLater(editId.indicatorText(areaId, stageId, [...path, item.children.length]));
  };
  const remove = () => {
    edit((fw) => removeIndicator(fw, areaId, stageId, path));
    // Focus goes to the parent's text, or for a top-level item to the list's add button.
    focusLater(path.length > 1 ? editId.indicatorText(areaId, stageId, path.slice(0, -1)) : editId.addIndicator(areaId, stageId));
  };
  return (
    <li className="indicator-item">
      <TextArea
        label={
          <>
            Text of evidence indicator {number}
            <span className="visually-hidden"> {context}</span>
          </>
        }
        rows={2}
        value={item.text}
        data-edit-id={editId.indicatorText(areaId, stageId, path)}
        onChange={({ target: { value: text } }) => edit((fw) => setIndicatorText(fw, areaId, stageId, path, text))}
      />
      <div className="button-group">
        {path.length < MAX_INDICATOR_DEPTH && (
          <button type="button" className="button-secondary" onClick={addSubItem}>
            Add sub-item
            <span className="visually-hidden">
              {' '}
              to evidence indicator {number} {context}
            </span>
          </button>
        )}
        <button type="button" className="button-secondary" onClick={remove}>
          Remove
          <span className="visually-hidden">
            {' '}
            evidence indicator {number} {context}
          </span>
          {subItems > 0 && ` with its ${subItems === 1 ? 'sub-item' : `${subItems} sub-items`}`}
        </button>
      </div>
      <IndicatorItems items={item.children} parentPath={path} place={place} />
    </li>
  );
}
