import { useEffect } from 'react';
import { LoadError } from './components/Feedback';
import { BackupsScreen } from './features/backups/BackupsScreen';
import { RecoveryScreen } from './features/backups/RecoveryScreen';
import { Shell } from './components/Shell';
import { EvaluationListScreen } from './features/evaluations/EvaluationListScreen';
import { FrameworkEditorScreen } from './features/frameworks/FrameworkEditorScreen';
import { FrameworkLibraryScreen } from './features/frameworks/FrameworkLibraryScreen';
import { ProfileScreen } from './features/profiles/ProfileScreen';
import { SetupScreen } from './features/setup/SetupScreen';
import { useNavigation } from './stores/navigation';
import { useSession } from './stores/session';

export function App() {
  const status = useSession((s) => s.status);
  const loadError = useSession((s) => s.loadError);
  const me = useSession((s) => s.me);
  const recovery = useSession((s) => s.recovery);
  const load = useSession((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

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
  return <Shell>{me ? <Screen /> : <ProfileScreen />}</Shell>;
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
  }
}
