import { useState } from 'react';
import { ErrorSummary } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useSession } from '../../stores/session';

/** First run: a demo evaluation to explore, and once made, its profiles' passphrases (shown this once). */
export function DemoOffer() {
  const { firstRun, demoProfiles, createDemo, signIn, dismissDemoProfiles } = useSession();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);

  if (demoProfiles) {
    return (
      <section className="panel-box" aria-labelledby="demo-heading">
        <h2 id="demo-heading">The demo evaluation is ready</h2>
        <p>Each demo profile has its own passphrase. Write them down now: they are shown only this once.</p>
        <ErrorSummary result={result} level={3} />
        <table>
          <caption className="visually-hidden">Demo profiles and their passphrases</caption>
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Role</th>
              <th scope="col">Passphrase</th>
              <th scope="col">
                <span className="visually-hidden">Sign in</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {demoProfiles.map((p) => (
              <tr key={p.personId}>
                <th scope="row">{p.name}</th>
                <td>{p.role}</td>
                <td>
                  <code>{p.passphrase}</code>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={busy}
                    onClick={async () => {
                      setBusy(true);
                      const outcome = await signIn(p.personId, p.passphrase);
                      setBusy(false);
                      if (outcome.ok) dismissDemoProfiles();
                      else setResult(outcome);
                    }}
                  >
                    Sign in as {p.name}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }
  if (!firstRun) return null;
  return (
    <section className="panel-box" aria-labelledby="demo-heading">
      <h2 id="demo-heading">New here?</h2>
      <p>
        Explore a demo evaluation on the Merton integrated community services capability framework, with a fictional panel of a procurement lead, a
        moderator and three evaluators, and two consortium bidders. Demo profiles never administer this computer.
      </p>
      <ErrorSummary result={result} level={3} />
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setResult(await createDemo());
          setBusy(false);
        }}
      >
        {busy ? 'Creating the demo…' : 'Create the demo evaluation'}
      </button>
    </section>
  );
}
