import { useEffect } from 'react';
import { LoadError } from '../../components/Feedback';
import { useFrameworks } from '../../stores/frameworks';
import { FrameworkEditor } from './FrameworkEditor';
import { ReadOnlyFramework } from './ReadOnlyFramework';

/** A framework from the library: a built-in one to read and duplicate, any other to edit. */
export function FrameworkEditorScreen({ frameworkId }: { frameworkId: string }) {
  const current = useFrameworks((s) => s.current);
  const currentError = useFrameworks((s) => s.currentError);
  const open = useFrameworks((s) => s.open);
  useEffect(() => {
    void open(frameworkId);
  }, [open, frameworkId]);
  if (currentError) return <LoadError message={currentError} />;
  // Until this framework has loaded, the store may still hold the one opened before.
  if (!current || current.summary.id !== frameworkId) return <p role="status">Loading the framework…</p>;
  return current.summary.builtIn ? (
    <ReadOnlyFramework summary={current.summary} framework={current.framework} />
  ) : (
    <FrameworkEditor key={current.summary.id} summary={current.summary} framework={current.framework} />
  );
}
