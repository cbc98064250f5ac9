import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FrameworkSummary } from '../../../../shared/api/frameworks';
import type { Framework } from '../../../../shared/domain/framework';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { TextArea, TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useFrameworks } from '../../stores/frameworks';
import { AreasEditor } from './AreasEditor';
import { setName, setSource, type EditDraft } from './draft';
import { FocusProvider } from './focus';
import { StagesEditor } from './StagesEditor';
import { validateDraft } from './validation';

/**
 * Edits a local draft of a framework; saving checks it as the core will and adds a revision.
 * An unsaved draft is kept in the store while the user is elsewhere in the app, and comes back when they return.
 */
export function FrameworkEditor({ summary, framework }: { summary: FrameworkSummary; framework: Framework }) {
  const saveRevision = useFrameworks((s) => s.saveRevision);
  const keepDraft = useFrameworks((s) => s.keepDraft);
  const [draft, setDraft] = useState(() => useFrameworks.getState().keptDraft(summary.id, summary.revision) ?? framework);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const unsaved = useMemo(() => JSON.stringify(draft) !== JSON.stringify(framework), [draft, framework]);

  useEffect(
    () => keepDraft(summary.id, unsaved ? { basedOnRevision: summary.revision, framework: draft } : null),
    [keepDraft, summary, unsaved, draft],
  );

  // Each input reads its value when the event fires: the change itself may run later, when React renders.
  const edit = useCallback<EditDraft>((change) => {
    setDraft(change);
    setNotice(null);
  }, []);

  const save = async () => {
    if (saving) return;
    if (!unsaved) {
      setResult(null);
      return setNotice('There are no changes to save.');
    }
    const checked = validateDraft(draft);
    setNotice(null);
    if (!checked.ok) return setResult(checked.result);
    setSaving(true);
    const r = await saveRevision(checked.framework);
    setSaving(false);
    setResult(r);
    if (!r.ok) return;
    // Anything typed while saving stays as an unsaved change.
    setDraft((current) => (current === draft ? checked.framework : current));
    setNotice(`Saved as revision ${r.revision}.`);
  };
  const discard = () => {
    setDraft(framework);
    setResult(null);
    setNotice(unsaved ? 'Your changes were discarded.' : null);
  };

  return (
    <FocusProvider>
      <PageHeading caption="Capability framework">{summary.name}</PageHeading>
      <p>
        Revision {summary.revision}
        {summary.updatedBy ? `, saved by ${summary.updatedBy}` : ''}. Saving adds a new revision and keeps the earlier ones. Evaluations already
        created keep the frozen copy they took.
      </p>
      <ErrorSummary result={result} />
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Framework details</h2>
        <TextField
          label="Framework name"
          value={draft.name}
          onChange={({ target: { value: text } }) => edit((fw) => setName(fw, text))}
          maxLength={200}
        />
        <TextArea
          label="Source (optional)"
          hint="Where the framework comes from, for example the tender document it was published in."
          rows={2}
          value={draft.source}
          onChange={({ target: { value: text } }) => edit((fw) => setSource(fw, text))}
        />
      </section>
      <StagesEditor draft={draft} edit={edit} />
      <AreasEditor draft={draft} edit={edit} />
      <section className="editor-actions" aria-label="Save the framework">
        <p className={unsaved ? 'unsaved-warning' : 'hint'}>{unsaved ? 'You have unsaved changes.' : 'All changes are saved.'}</p>
        <div className="button-group">
          <button type="button" onClick={save} aria-disabled={saving || undefined}>
            Save framework
          </button>
          <button type="button" className="button-secondary" onClick={discard}>
            Discard changes
          </button>
        </div>
        <SavedNotice message={notice} />
      </section>
    </FocusProvider>
  );
}
