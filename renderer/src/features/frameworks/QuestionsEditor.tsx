import type { CapabilityArea } from '../../../../shared/domain/framework';
import { TextArea } from '../../components/fields';
import { addQuestion, removeQuestion, setQuestion, type EditDraft } from './draft';
import { useFocusLater } from './focus';
import { editId } from './names';

/** The guidance questions of one capability area: prompts for bidders, not scored on their own. */
export function QuestionsEditor({ area, areaTitle, edit }: { area: CapabilityArea; areaTitle: string; edit: EditDraft }) {
  const focusLater = useFocusLater();
  const add = () => {
    edit((fw) => addQuestion(fw, area.id));
    focusLater(editId.question(area.id, area.questions.length));
  };
  const remove = (index: number) => {
    edit((fw) => removeQuestion(fw, area.id, index));
    focusLater(editId.addQuestion(area.id));
  };
  return (
    <div className="questions-editor">
      <h4>Guidance questions</h4>
      {area.questions.length === 0 && <p className="hint">No guidance questions yet.</p>}
      {area.questions.length > 0 && (
        <ol className="indicator-tree">
          {area.questions.map((question, i) => (
            // Questions have no ids; the index key keeps each input in place while its text is typed.
            <li key={i} className="indicator-item">
              <TextArea
                label={
                  <>
                    Guidance question {i + 1}
                    <span className="visually-hidden"> in {areaTitle}</span>
                  </>
                }
                rows={2}
                value={question}
                data-edit-id={editId.question(area.id, i)}
                onChange={({ target: { value: text } }) => edit((fw) => setQuestion(fw, area.id, i, text))}
              />
              <div className="button-group">
                <button type="button" className="button-secondary" onClick={() => remove(i)}>
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    guidance question {i + 1} in {areaTitle}
                  </span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button-secondary" data-edit-id={editId.addQuestion(area.id)} onClick={add}>
        Add guidance question<span className="visually-hidden"> to {areaTitle}</span>
      </button>
    </div>
  );
}
