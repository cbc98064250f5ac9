import { useEffect, useState } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useConflicts } from '../../stores/conflicts';
import { useExchange } from '../../stores/exchange';
import { listOfNames } from '../../text/list-of-names';
import { formatBytes, plural } from './format';
import './exchange.css';

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'medium' });

/** On an evaluation opened from a pack: the evaluator sends their declarations, scores and seals back from here. */
export function ReturnPanel({ evaluation }: { evaluation: EvaluationDetail }) {
  const installed = useExchange((s) => s.installed[evaluation.id]);
  const loadInstalled = useExchange((s) => s.loadInstalled);
  const exportReturn = useExchange((s) => s.exportReturn);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Declaring changes which bids are still to come, so the panel is read again after each declaration.
  const declarations = useConflicts((s) => s.mine);
  useEffect(() => {
    if (evaluation.myRole === 'evaluator') void loadInstalled(evaluation.id);
  }, [loadInstalled, evaluation.id, evaluation.myRole, declarations]);
  if (evaluation.myRole !== 'evaluator' || !installed) return null;

  const send = async () => {
    setBusy(true);
    setNotice(null);
    const outcome = await exportReturn(evaluation.id);
    setBusy(false);
    setResult(outcome);
    if (outcome.ok && outcome.made) {
      const { fileName, bytes, counts } = outcome.made;
      setNotice(
        `Saved ${fileName} (${formatBytes(bytes)}): ${plural(counts.declarations, 'declaration')}, ${plural(counts.scoreEntries, 'score save')} and ${plural(counts.seals, 'seal')}. ` +
          `Send it to ${installed.issuedBy}; any change to it on the way is detected.`,
      );
    }
  };

  return (
    <section className="panel-box return-panel" aria-labelledby="return-heading">
      <h2 id="return-heading">Your score return</h2>
      <p>
        This evaluation came in an evaluator pack that {installed.issuedBy} made on {day(installed.packCreatedAt)}. Declare, score and seal here as
        usual; then export your score return and send it to them. You can send a new one at any time: only what is new is added.
      </p>
      {installed.fingerprint && (
        <p>
          Its signature is from the installation whose words are <strong className="fingerprint">{installed.fingerprint}</strong>. Check these
          words with {installed.issuedBy} by phone or in person: every later pack for this evaluation must carry the same signature, or this
          computer refuses it.
        </p>
      )}
      {installed.awaitingDeclaration.length > 0 && (
        <p className="callout">
          Bids arrive only after you declare: declare your interests for {listOfNames(installed.awaitingDeclaration)}, then export your score return and
          send it to {installed.issuedBy}. Their next pack then brings the bids you are clear to see.
        </p>
      )}
      {installed.awaitingDeclaration.length === 0 && installed.bidsToCome.length > 0 && (
        <p className="callout">
          You are clear to see the bids of {listOfNames(installed.bidsToCome)}; they come in {installed.issuedBy}’s next pack, made once your score return
          with your declarations reaches them.
        </p>
      )}
      <ErrorSummary result={result} level={3} />
      <button type="button" onClick={() => void send()} disabled={busy}>
        Export my score return
      </button>
      <SavedNotice message={notice} />
    </section>
  );
}
