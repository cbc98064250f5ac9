import { useState, type FormEvent } from 'react';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { SelectField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useInstallation, type Accounts } from '../../stores/installation';
import { useSession } from '../../stores/session';
import { CHOOSING_HINT, PassphraseField } from '../profiles/PassphraseField';

/** A forgotten passphrase: the administrator sets one to hand over in person; it must be replaced at the next sign-in. */
export function ResetPassphrase({ people }: { people: Accounts['people'] }) {
  const me = useSession((s) => s.me);
  const reset = useInstallation((s) => s.resetPassphrase);
  const others = people.filter((p) => p.id !== me?.id);
  const [personId, setPersonId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = others.some((p) => p.id === personId) ? personId : (others[0]?.id ?? '');
  if (others.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setBusy(true);
    const outcome = await reset(chosen, passphrase);
    setBusy(false);
    setResult(outcome);
    if (outcome.ok) {
      const name = others.find((p) => p.id === chosen)?.name ?? 'They';
      setPassphrase('');
      setNotice(
        `${name} can now sign in with the passphrase you set, and must choose their own straight away.` +
          (outcome.withheldDrafts ? ` Their ${outcome.withheldDrafts} unsealed draft score${outcome.withheldDrafts === 1 ? ' is' : 's are'} withheld: they score those criteria again.` : ''),
      );
    }
  };

  return (
    <section aria-labelledby="reset-heading">
      <h2 id="reset-heading">Set a new passphrase for someone who forgot theirs</h2>
      <p>
        Tell them the passphrase in person, not by email. Any scores they saved but had not sealed are withheld from everyone, them included, so that
        whoever knows this passphrase learns nothing they wrote; sealed scores are not affected. The reset is recorded in the audit trail of every
        evaluation they sit on.
      </p>
      <ErrorSummary result={result} title="The passphrase was not set" level={3} />
      <SavedNotice message={notice} />
      <form onSubmit={submit} noValidate>
        <SelectField label="Person" value={chosen} onChange={(e) => setPersonId(e.target.value)}>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <PassphraseField label="New passphrase for them" hint={CHOOSING_HINT} choosing value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Setting…' : 'Set passphrase'}
        </button>
      </form>
    </section>
  );
}
