import { useEffect } from 'react';
import { LoadError } from './components/Feedback';
import { Shell } from './components/Shell';
import { BackupsScreen } from './features/backups/BackupsScreen';
import { RecoveryScreen } from './features/backups/RecoveryScreen';
import { EvaluationListScreen } from './features/evaluations/EvaluationListScreen';
import { FrameworkEditorScreen } from './features/frameworks/FrameworkEditorScreen';
import { FrameworkLibraryScreen } from './features/frameworks/FrameworkLibraryScreen';
import { InstallationScreen } from './features/installation/InstallationScreen';
import { ChangePassphrase } from './features/profiles/ChangePassphrase';
import { ConnectionNotices } from './features/profiles/ConnectionNotices';
import { LockScreen } from './features/profiles/LockScreen';
import { ProfileScreen } from './features/profiles/ProfileScreen';
import { useIdleLock } from './features/profiles/use-idle-lock';
import { SetupScreen } from './features/setup/SetupScreen';
import { useNavigation } from './stores/navigation';
import { useSession } from './stores/session';

export function App() {
  const status = useSession((s) => s.status);
  const loadError = useSession((s) => s.loadError);
  const me = useSession((s) => s.me);
  const locked = useSession((s) => s.locked);
  const mustChange = useSession((s) => s.mustChangePassphrase);
  const recovery = useSession((s) => s.recovery);
  const load = useSession((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  useIdleLock();

  if (status === 'loading') {
    return (
      <Shell>
        <p role="status">Opening…</p>
      </Shell>
    );
  }
  if (status === 'failed') {
    return (
      <Shell>
        <h1>The app could not start</h1>
        <LoadError message={loadError} />
      </Shell>
    );
  }
  if (recovery) {
    return (
      <Shell>
        <RecoveryScreen problem={recovery.problem} />
      </Shell>
    );
  }
  return (
    <Shell>
      <ConnectionNotices />
      {!me ? (
        <ProfileScreen />
      ) : (
        <>
          {/* Hidden, not unmounted, while locked: the screen and anything typed on it wait for the same person. */}
          <div hidden={locked !== null}>{mustChange ? <ChangePassphrase /> : <Screen />}</div>
          <LockScreen />
        </>
      )}
    </Shell>
  );
}

function Screen() {
  const route = useNavigation((s) => s.route);
  switch (route.name) {
    case 'evaluations':
      return <EvaluationListScreen />;
    case 'evaluation':
      return <SetupScreen key={route.evaluationId} evaluationId={route.evaluationId} tab={route.tab} bidderId={route.bidderId} />;
    case 'frameworks':
      return <FrameworkLibraryScreen />;
    case 'framework':
      return <FrameworkEditorScreen key={route.frameworkId} frameworkId={route.frameworkId} />;
    case 'backups':
      return <BackupsScreen />;
    case 'installation':
      return <InstallationScreen />;
    case 'account':
      return <ChangePassphrase />;
  }
}
