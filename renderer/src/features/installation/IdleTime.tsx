import { useState, type FormEvent } from 'react';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useInstallation } from '../../stores/installation';

export function IdleTime({ minutes }: { minutes: number }) {
  const save = useInstallation((s) => s.setIdleMinutes);
  const [value, setValue] = useState(String(minutes));
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 240) {
      setResult({ ok: false, message: 'Enter a whole number of minutes from 1 to 240.', issues: [] });
      return;
    }
    const outcome = await save(n);
    setResult(outcome);
    if (outcome.ok) setNotice(`The app now locks after ${n} minute${n === 1 ? '' : 's'} without activity.`);
  };

  return (
    <section aria-labelledby="idle-heading">
      <h2 id="idle-heading">Lock when idle</h2>
      <ErrorSummary result={result} title="The idle time was not changed" level={3} />
      <SavedNotice message={notice} />
      <form onSubmit={submit} noValidate className="inline-form">
        <TextField
          label="Minutes without activity before the app locks"
          hint="From 1 to 240. Signed-in people sign in again to carry on; nothing they typed is lost."
          inputMode="numeric"
          className="input-narrow"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit">Save idle time</button>
      </form>
    </section>
  );
}
