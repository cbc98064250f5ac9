import { useEffect, useState } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useExchange } from '../../stores/exchange';
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
  useEffect(() => {
    if (evaluation.myRole === 'evaluator') void loadInstalled(evaluation.id);
  }, [loadInstalled, evaluation.id, evaluation.myRole]);
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
      <ErrorSummary result={result} level={3} />
      <button type="button" onClick={() => void send()} disabled={busy}>
        Export my score return
      </button>
      <SavedNotice message={notice} />
    </section>
  );
}
