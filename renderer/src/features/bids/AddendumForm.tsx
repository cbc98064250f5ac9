import { useId, useState, type FormEvent } from 'react';
import { MAX_ADDENDUM_REASON_CHARS, MAX_DOCUMENT_BYTES, MAX_RESPONSE_CHARS, type AreaResponse } from '../../../../shared/api/submissions';
import type { CapabilityArea } from '../../../../shared/domain/framework';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { SelectField, TextArea } from '../../components/fields';
import { bytesOfFile } from '../../files/bytes';
import type { ActionResult } from '../../stores/attempt';
import { useRecordAddendum } from './use-addendum';

interface Props {
  evaluationId: string;
  bidderId: string;
  areas: CapabilityArea[];
  responses: AreaResponse[];
}

/** "Record an addendum": the reason, and a new response to one capability area, a document, or both. */
export function AddendumForm({ evaluationId, bidderId, areas, responses }: Props) {
  const record = useRecordAddendum();
  const id = useId();
  const [reason, setReason] = useState('');
  const [areaId, setAreaId] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const area = areas.find((a) => a.id === areaId);

  const chooseArea = (chosen: string) => {
    setAreaId(chosen);
    setText(responses.find((r) => r.areaId === chosen)?.text ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file && file.size > MAX_DOCUMENT_BYTES) {
      setResult({ ok: false, message: `“${file.name}” is larger than 25 MB.`, issues: [] });
      return;
    }
    setBusy(true);
    let outcome: ActionResult;
    try {
      const document = file ? { fileName: file.name, mediaType: file.type, content: await bytesOfFile(file) } : undefined;
      outcome = await record({ evaluationId, bidderId, reason, response: area ? { areaId: area.id, text } : undefined, document });
    } catch (error) {
      outcome = { ok: false, message: error instanceof Error ? error.message : 'The document could not be read.', issues: [] };
    }
    setBusy(false);
    setResult(outcome);
    if (outcome.ok) {
      setReason('');
      chooseArea('');
      setFile(null);
      setFileKey((k) => k + 1);
    }
  };

  return (
    <section className="addendum-form" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Record an addendum</h4>
      <form onSubmit={(e) => void submit(e)}>
        <ErrorSummary result={result} title="The addendum was not recorded" level={5} />
        <TextArea
          label="Reason for the addendum (required)"
          hint="Why the bid is corrected, for example the bidder’s clarification and what it puts right. Evaluators read this."
          rows={3}
          maxLength={MAX_ADDENDUM_REASON_CHARS}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <SelectField label="Capability area whose response changes" value={areaId} onChange={(e) => chooseArea(e.target.value)}>
          <option value="">No change to a response</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
        {area && (
          <TextArea
            label={`New response to ${area.title}`}
            hint="Starts from the current version: change what the addendum corrects."
            rows={8}
            maxLength={MAX_RESPONSE_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
        <div className="field">
          <label htmlFor={`${id}-file`}>Document the addendum brings (optional)</label>
          <p className="hint" id={`${id}-file-hint`}>
            One file up to 25 MB, for example the bidder’s clarification letter.
          </p>
          <input key={fileKey} id={`${id}-file`} type="file" aria-describedby={`${id}-file-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" disabled={busy}>
          Record the addendum
        </button>
      </form>
      <SavedNotice message={result?.ok ? 'Addendum recorded. Evaluators who scored this bid are told.' : null} />
    </section>
  );
}
