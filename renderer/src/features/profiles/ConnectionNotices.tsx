import { useSession } from '../../stores/session';

/** The host not answering, and wrong passphrases tried since the person last signed in. */
export function ConnectionNotices() {
  const hostDown = useSession((s) => s.hostDown);
  const notice = useSession((s) => s.signInNotice);
  const locked = useSession((s) => s.locked);
  const dismiss = useSession((s) => s.dismissSignInNotice);
  return (
    <>
      {hostDown && (
        <div className="error-summary" role="alert">
          <h2 className="error-summary-title">The app is not answering</h2>
          <p>{hostDown} This page checks again every few seconds.</p>
        </div>
      )}
      {notice && !locked && (
        <div className="panel-box" role="status">
          <p>{notice}</p>
          <button type="button" className="button-secondary" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
