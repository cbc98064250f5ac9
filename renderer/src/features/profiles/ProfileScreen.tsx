import { SavedNotice } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../../stores/session';
import { OpenPack } from '../exchange/OpenPack';
import { DemoOffer } from './DemoOffer';
import { RegisterForm } from './RegisterForm';
import { SignInForm } from './SignInForm';

/** Who is acting: a profile signed in with its own passphrase. What they may do comes from their role on each panel. */
export function ProfileScreen() {
  const hasAdministrator = useSession((s) => s.hasAdministrator);
  const notice = useSession((s) => s.signedOutNotice);
  return (
    <>
      <PageHeading>Who is using the app?</PageHeading>
      {notice && <SavedNotice message={notice} />}
      <DemoOffer />
      <SignInForm />
      <RegisterForm first={!hasAdministrator} />
      <OpenPack signedOut />
    </>
  );
}
