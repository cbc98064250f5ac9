import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useSession } from '../../stores/session';
import { CHOOSING_HINT, PassphraseField } from './PassphraseField';

/** Adds the person at the keyboard as a profile with a passphrase they choose, and signs them in. */
export function RegisterForm({ first }: { first: boolean }) {
  const register = useSession((s) => s.register);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== again) {
      setResult({ ok: false, message: 'The two passphrases are not the same.', issues: [{ path: 'again', message: 'Type the same passphrase twice' }] });
      return;
    }
    setBusy(true);
    setResult(await register(name, passphrase));
    setBusy(false);
  };

  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">Add your profile</h2>
      {first && <p>The first profile added on this computer administers it: it restores backups, and sets new passphrases for people who forget theirs.</p>}
      <ErrorSummary result={result} title="Your profile was not added" level={3} />
      <form onSubmit={submit} noValidate>
        <TextField label="Your full name" hint="As it should appear in the evaluation record." value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        <PassphraseField label="Choose a passphrase" hint={CHOOSING_HINT} choosing value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <PassphraseField label="Type the passphrase again" choosing value={again} onChange={(e) => setAgain(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add profile and sign in'}
        </button>
      </form>
    </section>
  );
}
