import { useId, useRef, useState, type FormEvent } from 'react';
import { PACK_EXTENSION } from '../../../../shared/api/exchange';
import { ErrorSummary } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useExchange } from '../../stores/exchange';
import { formatBytes } from './format';
import { CHOOSING_HINT, PassphraseField } from '../profiles/PassphraseField';

/**
 * On an evaluator's own laptop: open the pack the procurement lead sent, with the passphrase they gave by
 * another route. The evaluation then appears here, and the app continues as that evaluator.
 */
export function OpenPack({ signedOut = false }: { signedOut?: boolean }) {
  const openPack = useExchange((s) => s.openPack);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [profilePassphrase, setProfilePassphrase] = useState('');
  const [profileAgain, setProfileAgain] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setResult({ ok: false, message: 'Choose the evaluator pack file to open.', issues: [] });
      return;
    }
    if (signedOut && profilePassphrase !== profileAgain) {
      setResult({ ok: false, message: 'The two passphrases for your profile are not the same.', issues: [] });
      return;
    }
    setBusy(true);
    setStatus('Opening the pack: checking the passphrase takes a few seconds…');
    const outcome = await openPack(file, passphrase, signedOut ? profilePassphrase : undefined, (sent, total) =>
      setStatus(`Reading the pack: ${formatBytes(sent)} of ${formatBytes(total)}…`),
    );
    setBusy(false);
    setStatus('');
    setResult(outcome);
  };

  return (
    <section aria-labelledby="open-pack-heading" className="panel-box open-pack">
      <h2 id="open-pack-heading">Open an evaluator pack</h2>
      <p>
        If a procurement lead sent you an evaluator pack ({PACK_EXTENSION}), open it here with the passphrase they gave you. The evaluation is set up
        on this computer for you to declare, score and seal; you then send back your score return.
      </p>
      <p>
        Every pack is signed by the procurement lead’s computer. Once it opens you see six words naming that computer: check them with the lead by
        phone or in person. Later packs for the same evaluation must be signed by the same computer, or they are refused.
      </p>
      <ErrorSummary result={result} level={3} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>Evaluator pack file</label>
          <input ref={input} id={inputId} type="file" accept={PACK_EXTENSION} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <TextField label="The pack’s passphrase" hint="From the procurement lead." type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        {signedOut && (
          <>
            <PassphraseField
              label="Choose a passphrase for your profile on this computer"
              hint={`${CHOOSING_HINT} If you already have a profile here, sign in first and open the pack from the Evaluations screen.`}
              choosing
              value={profilePassphrase}
              onChange={(e) => setProfilePassphrase(e.target.value)}
            />
            <PassphraseField label="Type your profile passphrase again" choosing value={profileAgain} onChange={(e) => setProfileAgain(e.target.value)} />
          </>
        )}
        <button type="submit" disabled={busy}>
          Open the pack
        </button>
      </form>
      <p role="status">{status}</p>
    </section>
  );
}
