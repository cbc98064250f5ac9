import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/Feedback';
import { SelectField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useSession } from '../../stores/session';
import { PassphraseField } from './PassphraseField';

/** Choose your profile and give its passphrase. */
export function SignInForm() {
  const profiles = useSession((s) => s.profiles).filter((p) => p.canSignIn);
  const signIn = useSession((s) => s.signIn);
  const [personId, setPersonId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = profiles.some((p) => p.id === personId) ? personId : (profiles[0]?.id ?? '');
  if (profiles.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await signIn(chosen, passphrase);
    setBusy(false);
    setPassphrase('');
    setResult(outcome);
  };

  return (
    <section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <ErrorSummary result={result} title="You are not signed in" level={3} />
      <form onSubmit={submit} noValidate>
        <SelectField label="Your profile" value={chosen} onChange={(e) => setPersonId(e.target.value)}>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <PassphraseField label="Passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      <p className="hint">Forgotten your passphrase? The installation administrator can set you a new one.</p>
    </section>
  );
}
