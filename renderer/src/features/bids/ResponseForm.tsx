import { useState, type FormEvent } from 'react';
import { MAX_RESPONSE_CHARS, type AreaResponse } from '../../../../shared/api/submissions';
import type { CapabilityArea } from '../../../../shared/domain/framework';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { TextArea } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useSubmissions } from '../../stores/submissions';
import { formatWhen } from './format';

interface Props {
  evaluationId: string;
  bidderId: string;
  area: CapabilityArea;
  saved: AreaResponse | undefined;
}

/** The bidder's response to one capability area; each save keeps the earlier versions. */
export function ResponseForm({ evaluationId, bidderId, area, saved }: Props) {
  const saveResponse = useSubmissions((s) => s.saveResponse);
  const [text, setText] = useState(saved?.text ?? '');
  const [result, setResult] = useState<ActionResult | null>(null);
  const changed = text !== (saved?.text ?? '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setResult(await saveResponse({ evaluationId, bidderId, areaId: area.id, text }));
  };

  const hint = saved
    ? `Version ${saved.version}, saved by ${saved.savedBy} on ${formatWhen(saved.savedAt)}.${changed ? ' You have unsaved changes.' : ''}`
    : 'No response recorded yet.';
  return (
    <form onSubmit={save} className="response-form">
      <ErrorSummary result={result} title={`The response to ${area.title} was not saved`} />
      <TextArea label={`Response to ${area.title}`} hint={hint} rows={6} maxLength={MAX_RESPONSE_CHARS} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">
        Save response<span className="visually-hidden"> to {area.title}</span>
      </button>
      <SavedNotice message={result?.ok && !changed ? `Response to ${area.title} saved.` : null} />
    </form>
  );
}
