import { useEffect, useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { MIN_PASSPHRASE_CHARS } from '../../../../shared/api/exchange';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { call, messageOf } from '../../api/client';
import { useExchange } from '../../stores/exchange';
import { listOfNames } from '../../text/list-of-names';
import { formatBytes, plural } from './format';

/** One evaluator's pack, protected by a passphrase the lead sends them by another route. */
export function MakePack({ evaluation }: { evaluation: EvaluationDetail }) {
  const makePack = useExchange((s) => s.makePack);
  const evaluators = evaluation.panel.filter((m) => m.role === 'evaluator');
  const [evaluatorId, setEvaluatorId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = evaluatorId || evaluators[0]?.personId || '';
  const fingerprint = useSigningFingerprint(evaluation.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (passphrase !== confirm) {
      setResult({ ok: false, message: 'The two passphrases are not the same; type the passphrase again in both fields.', issues: [] });
      return;
    }
    setBusy(true);
    const outcome = await makePack(evaluation.id, chosen, passphrase);
    setBusy(false);
    setResult(outcome);
    if (outcome.ok && outcome.made) {
      const made = outcome.made;
      const withheld =
        made.withheldBidders.length > 0 ? ` The bids of ${listOfNames(made.withheldBidders)} were left out: a conflict of interest is declared.` : '';
      const awaiting =
        made.awaitingDeclaration.length > 0
          ? ` The bids of ${listOfNames(made.awaitingDeclaration)} are not in it: the evaluator has not declared against them yet. ` +
            'Once their score return with those declarations is imported, make them another pack: it carries the bids they are clear to see.'
          : '';
      setNotice(`Saved ${made.fileName} (${formatBytes(made.bytes)}, ${plural(made.documents, 'evidence document')}).${withheld}${awaiting}`);
      setPassphrase('');
      setConfirm('');
    }
  };

  if (evaluators.length === 0) return <p>There are no evaluators on the panel to make a pack for.</p>;
  return (
    <section aria-labelledby="make-pack-heading">
      <h3 id="make-pack-heading">Make an evaluator pack</h3>
      <p>
        A pack carries the bid of a bidder only once the evaluator has declared they are clear of it: the first pack lets them declare, and the
        pack you make after their score return brings the bids.
      </p>
      <p>
        This computer signs every pack. Its signature words are{' '}
        {fingerprint.words ? <strong className="fingerprint">{fingerprint.words}</strong> : fingerprint.error ? `not available (${fingerprint.error})` : '…'}.
        When you tell the evaluator the passphrase, read them these words too: their app shows them when the first pack opens, and refuses later
        packs signed by any other computer.
      </p>
      <ErrorSummary result={result} level={4} />
      <form onSubmit={submit}>
        <SelectField label="Evaluator" value={chosen} onChange={(e) => setEvaluatorId(e.target.value)}>
          {evaluators.map((m) => (
            <option key={m.personId} value={m.personId}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Passphrase"
          hint={`At least ${MIN_PASSPHRASE_CHARS} characters; a few unrelated words are easy to say and hard to guess. Tell the evaluator by phone or in person — never with the file. It is not stored anywhere.`}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          minLength={MIN_PASSPHRASE_CHARS}
          onChange={(e) => setPassphrase(e.target.value)}
          required
        />
        <TextField
          label="Passphrase again"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
        />
        <button type="submit" disabled={busy}>
          Make the pack
        </button>
      </form>
      <p role="status">{busy ? 'Making the pack: encrypting takes a few seconds…' : ''}</p>
      <SavedNotice message={notice} />
    </section>
  );
}

/** The six words naming this installation's pack-signing key. */
function useSigningFingerprint(evaluationId: string) {
  const [fingerprint, setFingerprint] = useState<{ words: string | null; error: string | null }>({ words: null, error: null });
  useEffect(() => {
    let current = true;
    call('exchange.signingFingerprint', { evaluationId }).then(
      ({ fingerprint: words }) => current && setFingerprint({ words, error: null }),
      (error: unknown) => current && setFingerprint({ words: null, error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [evaluationId]);
  return fingerprint;
}
