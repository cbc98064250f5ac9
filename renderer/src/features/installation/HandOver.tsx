import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useInstallation, type Accounts } from '../../stores/installation';
import { useSession } from '../../stores/session';

/** Hands the administrator role to someone else who signs in here; recorded, and it cannot be taken back by you. */
export function HandOver({ people }: { people: Accounts['people'] }) {
  const me = useSession((s) => s.me);
  const switchPerson = useSession((s) => s.switchPerson);
  const handOver = useInstallation((s) => s.handOver);
  const candidates = people.filter((p) => p.id !== me?.id && p.canSignIn && !p.demo);
  const [personId, setPersonId] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const chosen = candidates.some((p) => p.id === personId) ? personId : (candidates[0]?.id ?? '');
  if (candidates.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await handOver(chosen, reason);
    setResult(outcome);
    if (outcome.ok) await switchPerson();
  };

  return (
    <section aria-labelledby="hand-over-heading">
      <h2 id="hand-over-heading">Hand the administrator role on</h2>
      <p>Only one person administers this computer. Once you hand the role on, only they can hand it back.</p>
      <ErrorSummary result={result} title="The role was not handed on" level={3} />
      <form onSubmit={submit} noValidate>
        <SelectField label="New administrator" value={chosen} onChange={(e) => setPersonId(e.target.value)}>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Reason (recorded)" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" className="button-warning">
          Hand the role on and sign out
        </button>
      </form>
    </section>
  );
}
