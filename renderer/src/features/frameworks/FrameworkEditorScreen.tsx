import { useEffect } from 'react';
import { LoadError } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useFrameworks } from '../../stores/frameworks';
import { FrameworkTab } from '../setup/FrameworkTab';

export function FrameworkEditorScreen({ frameworkId }: { frameworkId: string }) {
  const { current, currentError, open } = useFrameworks();
  useEffect(() => {
    void open(frameworkId);
  }, [open, frameworkId]);
  if (currentError) return <LoadError message={currentError} />;
  if (!current) return <p role="status">Loading the framework…</p>;
  return (
    <>
      <PageHeading caption="Capability framework">{current.summary.name}</PageHeading>
      <FrameworkTab framework={current.framework} />
    </>
  );
}
