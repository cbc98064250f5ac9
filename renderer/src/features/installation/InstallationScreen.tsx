import { useEffect } from 'react';
import { LoadError } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useInstallation } from '../../stores/installation';
import { AccountsTable } from './AccountsTable';
import { HandOver } from './HandOver';
import { IdleTime } from './IdleTime';
import { ResetPassphrase } from './ResetPassphrase';

/** For the installation administrator: the people who sign in here and the rules for their sessions. */
export function InstallationScreen() {
  const { accounts, error, load } = useInstallation();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeading>This installation</PageHeading>
      <p>
        You administer the Capability Assessment app on this computer. You restore backups, set a new passphrase for someone who forgot theirs, and
        decide how long the app waits before it locks. None of this lets you see anyone’s unsealed scores.
      </p>
      <LoadError message={error} />
      {accounts && (
        <>
          <AccountsTable people={accounts.people} />
          <ResetPassphrase people={accounts.people} />
          <IdleTime minutes={accounts.idleMinutes} />
          <HandOver people={accounts.people} />
        </>
      )}
    </>
  );
}
