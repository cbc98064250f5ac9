import type { ReactNode } from 'react';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';

export function Shell({ children }: { children: ReactNode }) {
  const me = useSession((s) => s.me);
  const signOut = useSession((s) => s.signOut);
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const inFrameworks = route.name === 'frameworks' || route.name === 'framework';
  const inEvaluations = route.name === 'evaluations' || route.name === 'evaluation';
  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Capability Assessment</span>
        {me && (
          <nav aria-label="Main">
            <ul className="main-nav">
              <li>
                <button type="button" className="nav-link" aria-current={inEvaluations ? 'page' : undefined} onClick={() => go({ name: 'evaluations' })}>
                  Evaluations
                </button>
              </li>
              <li>
                <button type="button" className="nav-link" aria-current={inFrameworks ? 'page' : undefined} onClick={() => go({ name: 'frameworks' })}>
                  Capability frameworks
                </button>
              </li>
              <li>
                <button type="button" className="nav-link" aria-current={route.name === 'backups' ? 'page' : undefined} onClick={() => go({ name: 'backups' })}>
                  Backups
                </button>
              </li>
            </ul>
          </nav>
        )}
        {me && (
          <div className="who">
            <span>
              Signed in as <strong>{me.name}</strong>
            </span>
            <button type="button" className="button-secondary" onClick={signOut}>
              Switch profile
            </button>
          </div>
        )}
      </header>
      <main id="main-content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
