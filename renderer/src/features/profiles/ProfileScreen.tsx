import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import { OpenPack } from '../exchange/OpenPack';
import type { ActionResult } from '../../stores/attempt';
import { useSession } from '../../stores/session';

/** Who is acting: a local profile. What they may do comes from their role on each evaluation's panel. */
export function ProfileScreen() {
  const { people, firstRun, signIn, createProfile, createDemo } = useSession();
  const [name, setName] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(await createProfile(name));
    setBusy(false);
  };
  const demo = async () => {
    setBusy(true);
    setResult(await createDemo());
    setBusy(false);
  };

  return (
    <>
      <PageHeading>Who is using the app?</PageHeading>
      <ErrorSummary result={result} />
      {firstRun && (
        <section className="panel-box" aria-labelledby="demo-heading">
          <h2 id="demo-heading">New here?</h2>
          <p>
            Explore a demo evaluation on the Merton integrated community services capability framework, with a fictional panel of a procurement
            lead, a moderator and three evaluators, and two consortium bidders.
          </p>
          <button type="button" onClick={demo} disabled={busy}>
            Create the demo evaluation
          </button>
        </section>
      )}
      {people.length > 0 && (
        <section aria-labelledby="choose-heading">
          <h2 id="choose-heading">Choose your profile</h2>
          <ul className="profile-list">
            {people.map((p) => (
              <li key={p.id}>
                <button type="button" className="button-secondary" onClick={() => signIn(p)}>
                  Continue as {p.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add a profile</h2>
        <form onSubmit={add}>
          <TextField label="Your full name" hint="As it should appear in the evaluation record." value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
          <button type="submit" disabled={busy}>
            Add profile and continue
          </button>
        </form>
      </section>
      <OpenPack />
    </>
  );
}
