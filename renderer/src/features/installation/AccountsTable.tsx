import type { Accounts } from '../../stores/installation';

const when = (at: string | null) => (at ? new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'Never');

export function AccountsTable({ people }: { people: Accounts['people'] }) {
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">People on this computer</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Can sign in here</th>
            <th scope="col">Last signed in</th>
            <th scope="col">Wrong passphrases since</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.name}
                {p.administrator && <span className="tag">Administrator</span>}
                {p.demo && <span className="tag">Demo</span>}
              </th>
              <td>{!p.canSignIn ? 'No passphrase set here' : p.resetPending ? 'Yes, with the passphrase you set (not yet replaced)' : 'Yes'}</td>
              <td>{when(p.lastSignInAt)}</td>
              <td>{p.failedSinceLastSignIn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
