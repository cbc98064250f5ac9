import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useSession } from '../../stores/session';
import { PassphraseField } from './PassphraseField';

/**
 * Over a screen whose session ended (Lock, idle, a restarted host): the screen stays as it was behind this,
 * hidden, so what was typed is saved once the same person signs in again. Someone else must switch person.
 */
export function LockScreen() {
  const { me, locked, signIn, switchPerson } = useSession();
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (locked) heading.current?.focus();
  }, [locked]);
  if (!me || !locked) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await signIn(me.id, passphrase);
    setBusy(false);
    setPassphrase('');
    setResult(outcome);
  };

  return (
    <section aria-labelledby="lock-heading" className="lock-screen">
      <h1 id="lock-heading" tabIndex={-1} ref={heading}>
        Locked
      </h1>
      <p>{locked.reason}</p>
      <p>
        <strong>{me.name}</strong>, enter your passphrase to carry on where you were. Anything you had typed and not yet saved is kept, and is saved
        when you sign in.
      </p>
      <ErrorSummary result={result} title="Still locked" />
      <form onSubmit={submit} noValidate>
        <PassphraseField label="Passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <div className="button-group">
          <button type="submit" disabled={busy}>
            {busy ? 'Checking…' : 'Unlock'}
          </button>
          <button type="button" className="button-secondary" onClick={() => void switchPerson()}>
            Switch person (unsaved work on this screen is lost)
          </button>
        </div>
      </form>
    </section>
  );
}
