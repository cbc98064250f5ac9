import { useEffect, useState, type FormEvent } from 'react';
import { PANEL_ROLE_LABELS } from '../../../../shared/api/evaluations';
import { ErrorSummary, LoadError } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import { OpenPack } from '../exchange/OpenPack';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { useFrameworks } from '../../stores/frameworks';
import { useNavigation } from '../../stores/navigation';

export function EvaluationListScreen() {
  const { list, listError, loadList } = useEvaluations();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    void loadList();
  }, [loadList]);

  return (
    <>
      <PageHeading>Evaluations</PageHeading>
      <LoadError message={listError} />
      {list.length === 0 ? (
        <p>You are not on the panel of any evaluation yet. Create one below, or ask a procurement lead to add you to theirs.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Evaluations you are on the panel of</caption>
          <thead>
            <tr>
              <th scope="col">Evaluation</th>
              <th scope="col">Reference</th>
              <th scope="col">Capability framework</th>
              <th scope="col">Your role</th>
              <th scope="col">Bidders</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => go({ name: 'evaluation', evaluationId: e.id, tab: 'details' })}>
                    {e.name}
                  </button>
                </th>
                <td>{e.reference}</td>
                <td>{e.frameworkName}</td>
                <td>{PANEL_ROLE_LABELS[e.myRole]}</td>
                <td>{e.bidderCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateEvaluationForm />
      <OpenPack />
    </>
  );
}

function CreateEvaluationForm() {
  const create = useEvaluations((s) => s.create);
  const { list: frameworks, loadList } = useFrameworks();
  const go = useNavigation((s) => s.go);
  const [name, setName] = useState('');
  const [reference, setReference] = useState('');
  const [frameworkId, setFrameworkId] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  useEffect(() => {
    void loadList();
  }, [loadList]);
  const chosen = frameworkId || frameworks[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await create({ name, reference, frameworkId: chosen });
    setResult(outcome);
    if (outcome.ok && outcome.id) go({ name: 'evaluation', evaluationId: outcome.id, tab: 'details' });
  };

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create an evaluation</h2>
      <p>You will be its procurement lead. The capability framework is copied into the evaluation and frozen there.</p>
      <ErrorSummary result={result} />
      <form onSubmit={submit}>
        <TextField label="Evaluation name" value={name} onChange={(e) => setName(e.target.value)} required />
        <TextField label="Procurement reference (optional)" value={reference} onChange={(e) => setReference(e.target.value)} />
        <SelectField label="Capability framework" value={chosen} onChange={(e) => setFrameworkId(e.target.value)}>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} (revision {f.revision})
            </option>
          ))}
        </SelectField>
        <button type="submit">Create evaluation</button>
      </form>
    </section>
  );
}
