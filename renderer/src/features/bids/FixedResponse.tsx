import type { AreaResponse } from '../../../../shared/api/submissions';
import type { CapabilityArea } from '../../../../shared/domain/framework';
import { formatWhen } from './format';

/** A fixed bid's response to one capability area, as it now stands: read-only, changed only by an addendum. */
export function FixedResponse({ area, response }: { area: CapabilityArea; response: AreaResponse | undefined }) {
  return (
    <div className="fixed-response">
      <h5>{area.title}</h5>
      {response ? (
        <>
          <p className="hint">
            Version {response.version}, saved by {response.savedBy} on {formatWhen(response.savedAt)}
            {response.addendumId ? ', by an addendum.' : '.'}
          </p>
          <div className="addendum-text">{response.text.trim() ? response.text : 'No response.'}</div>
        </>
      ) : (
        <p className="hint">No response recorded.</p>
      )}
    </div>
  );
}
