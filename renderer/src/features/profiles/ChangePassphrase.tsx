import { useState, type FormEvent } from 'react';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import type { ActionResult } from '../../stores/attempt';
import { useSession } from '../../stores/session';
import { CHOOSING_HINT, PassphraseField } from './PassphraseField';

/** Your own passphrase; required straight after signing in with one the administrator set. */
export function ChangePassphrase() {
  const { mustChangePassphrase, changePassphrase } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (next !== again) {
      setResult({ ok: false, message: 'The two new passphrases are not the same.', issues: [] });
      return;
    }
    setBusy(true);
    const outcome = await changePassphrase(current, next);
    setBusy(false);
    setResult(outcome);
    if (outcome.ok) {
      setCurrent('');
      setNext('');
      setAgain('');
      setNotice('Your passphrase is changed. Use the new one from now on.');
    }
  };

  return (
    <>
      <PageHeading>{mustChangePassphrase ? 'Choose your own passphrase' : 'Change your passphrase'}</PageHeading>
      {mustChangePassphrase && (
        <p>The installation administrator set the passphrase you signed in with. Choose one only you know before you carry on.</p>
      )}
      <ErrorSummary result={result} title="Your passphrase was not changed" />
      <SavedNotice message={notice} />
      <form onSubmit={submit} noValidate>
        <PassphraseField
          label={mustChangePassphrase ? 'The passphrase the administrator gave you' : 'Your current passphrase'}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <PassphraseField label="New passphrase" hint={CHOOSING_HINT} choosing value={next} onChange={(e) => setNext(e.target.value)} />
        <PassphraseField label="Type the new passphrase again" choosing value={again} onChange={(e) => setAgain(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Change passphrase'}
        </button>
      </form>
    </>
  );
}
