import { useState, type FormEvent } from 'react';
import type { Framework } from '../../../../shared/domain/framework';
import { TextField } from '../../components/fields';
import { addArea, newAreaId, type EditDraft } from './draft';
import { AreaEditor } from './AreaEditor';
import { useFocusLater } from './focus';
import { editId } from './names';

/** The framework's capability areas, in the order bidders see them. */
export function AreasEditor({ draft, edit }: { draft: Framework; edit: EditDraft }) {
  return (
    <section aria-labelledby="areas-heading">
      <h2 id="areas-heading" tabIndex={-1} data-edit-id={editId.areasHeading}>
        Capability areas
      </h2>
      {draft.areas.length === 0 && <p>There are no capability areas. A framework needs at least one.</p>}
      {draft.areas.map((area, i) => (
        <AreaEditor key={area.id} area={area} index={i} areaCount={draft.areas.length} stages={draft.stages} edit={edit} />
      ))}
      <AddArea draft={draft} edit={edit} />
    </section>
  );
}

function AddArea({ draft, edit }: { draft: Framework; edit: EditDraft }) {
  const focusLater = useFocusLater();
  const [title, setTitle] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    const areaId = newAreaId(draft, title);
    edit((fw) => addArea(fw, areaId, title.trim()));
    setTitle('');
    focusLater(editId.areaTitle(areaId));
  };
  return (
    <form onSubmit={add} className="inline-form framework-area" aria-label="Add a capability area">
      <TextField label="New capability area title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      <button type="submit" className="button-secondary">
        Add capability area
      </button>
    </form>
  );
}
