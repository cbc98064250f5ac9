import { useState, type FormEvent } from 'react';
import { PANEL_ROLE_LABELS, PANEL_ROLES, type EvaluationDetail, type PanelMember, type PanelRole } from '../../../../shared/api/evaluations';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { useSession } from '../../stores/session';
import { TabHeading } from './TabHeading';

const NEW_PERSON = '__new__';

export function PanelTab({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <>
      <TabHeading>Evaluation panel</TabHeading>
      <p>Each person holds one role. Evaluators score independently; the moderator reconciles; the procurement lead runs the evaluation.</p>
      <ErrorSummary result={result} />
      <table>
        <caption className="visually-hidden">Panel members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Added</th>
            {canEdit && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {evaluation.panel.map((m) => (
            <PanelRow key={m.personId} member={m} evaluationId={evaluation.id} canEdit={canEdit} onResult={setResult} />
          ))}
        </tbody>
      </table>
      {canEdit && <AddPanelMember evaluation={evaluation} onResult={setResult} />}
      <SavedNotice message={result?.ok ? 'Panel updated.' : null} />
    </>
  );
}

function PanelRow({ member, evaluationId, canEdit, onResult }: { member: PanelMember; evaluationId: string; canEdit: boolean; onResult(r: ActionResult): void }) {
  const change = useEvaluations((s) => s.change);
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [sealedScores, setSealedScores] = useState<'count' | 'exclude' | null>(null);
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    onResult(await change('panel.remove', { evaluationId, personId: member.personId, reason, ...(sealedScores ? { sealedScores } : {}) }));
  };
  return (
    <tr>
      <th scope="row">{member.name}</th>
      <td>{PANEL_ROLE_LABELS[member.role]}</td>
      <td>
        {new Date(member.addedAt).toLocaleDateString('en-GB')} by {member.addedBy}
      </td>
      {canEdit && (
        <td>
          {removing ? (
            <form onSubmit={remove} className="inline-form">
              <TextField label={`Reason for removing ${member.name}`} value={reason} onChange={(e) => setReason(e.target.value)} required />
              {member.sealedBidders > 0 && (
                <fieldset>
                  <legend>
                    {member.name} has sealed scores for {member.sealedBidders === 1 ? 'one bidder' : `${member.sealedBidders} bidders`}. Do they still count?
                  </legend>
                  {(
                    [
                      ['count', 'Yes: the sealed scores still count'],
                      ['exclude', 'No: leave them on the record, not counted'],
                    ] as const
                  ).map(([value, label]) => (
                    <div className="radio" key={value}>
                      <input
                        type="radio"
                        id={`sealed-${member.personId}-${value}`}
                        name={`sealed-${member.personId}`}
                        checked={sealedScores === value}
                        onChange={() => setSealedScores(value)}
                      />
                      <label htmlFor={`sealed-${member.personId}-${value}`}>{label}</label>
                    </div>
                  ))}
                </fieldset>
              )}
              <button type="submit">Remove from panel</button>
              <button type="button" className="button-secondary" onClick={() => setRemoving(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setRemoving(true)}>
              Remove<span className="visually-hidden"> {member.name}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function AddPanelMember({ evaluation, onResult }: { evaluation: EvaluationDetail; onResult(r: ActionResult): void }) {
  const change = useEvaluations((s) => s.change);
  const { people, addPerson } = useSession();
  const available = people.filter((p) => !evaluation.panel.some((m) => m.personId === p.id));
  const [personId, setPersonId] = useState(available[0]?.id ?? NEW_PERSON);
  const [newName, setNewName] = useState('');
  const [role, setRole] = useState<PanelRole>('evaluator');
  const chosen = personId === NEW_PERSON || available.some((p) => p.id === personId) ? personId : (available[0]?.id ?? NEW_PERSON);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    let id = chosen;
    if (chosen === NEW_PERSON) {
      const added = await addPerson(newName);
      if (!added.ok || !added.person) return onResult(added);
      id = added.person.id;
      setNewName('');
    }
    onResult(await change('panel.add', { evaluationId: evaluation.id, personId: id, role }));
  };

  return (
    <section aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">Add someone to the panel</h3>
      <form onSubmit={add} className="inline-form">
        <SelectField label="Person" value={chosen} onChange={(e) => setPersonId(e.target.value)}>
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value={NEW_PERSON}>Someone new…</option>
        </SelectField>
        {chosen === NEW_PERSON && <TextField label="New person’s full name" value={newName} onChange={(e) => setNewName(e.target.value)} required />}
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as PanelRole)}>
          {PANEL_ROLES.map((r) => (
            <option key={r} value={r}>
              {PANEL_ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <button type="submit">Add to panel</button>
      </form>
    </section>
  );
}
