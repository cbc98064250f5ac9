import type { ReactNode } from 'react';
import { useNavigation, type Route } from '../stores/navigation';
import { useSession } from '../stores/session';

export function Shell({ children }: { children: ReactNode }) {
  const me = useSession((s) => s.me);
  const locked = useSession((s) => s.locked);
  const administrator = useSession((s) => s.administrator);
  const mustChange = useSession((s) => s.mustChangePassphrase);
  const lock = useSession((s) => s.lock);
  const switchPerson = useSession((s) => s.switchPerson);
  const route = useNavigation((s) => s.route);
  const working = me !== null && locked === null;
  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="app-header">
        <span className="app-name">Capability Assessment</span>
        {working && !mustChange && (
          <nav aria-label="Main">
            <ul className="main-nav">
              <NavItem to={{ name: 'evaluations' }} current={route.name === 'evaluations' || route.name === 'evaluation'}>
                Evaluations
              </NavItem>
              <NavItem to={{ name: 'frameworks' }} current={route.name === 'frameworks' || route.name === 'framework'}>
                Capability frameworks
              </NavItem>
              {administrator && (
                <>
                  <NavItem to={{ name: 'installation' }} current={route.name === 'installation'}>
                    Installation
                  </NavItem>
                  <NavItem to={{ name: 'backups' }} current={route.name === 'backups'}>
                    Backups
                  </NavItem>
                </>
              )}
              <NavItem to={{ name: 'account' }} current={route.name === 'account'}>
                Your passphrase
              </NavItem>
            </ul>
          </nav>
        )}
        {working && (
          <div className="who">
            <span>
              Signed in as <strong>{me.name}</strong>
            </span>
            <button type="button" className="button-secondary" onClick={() => void lock()}>
              Lock
            </button>
            <button type="button" className="button-secondary" onClick={() => void switchPerson()}>
              Switch person
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

function NavItem({ to, current, children }: { to: Route; current: boolean; children: ReactNode }) {
  const go = useNavigation((s) => s.go);
  return (
    <li>
      <button type="button" className="nav-link" aria-current={current ? 'page' : undefined} onClick={() => go(to)}>
        {children}
      </button>
    </li>
  );
}
