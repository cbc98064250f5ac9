import { ApiError } from '../../../shared/api/errors';
import type { scoringMethods } from '../../../shared/api/scoring';
import { signedIn } from '../authorisation';
import type { HandlersFor } from '../registry';

const notYet = () => {
  throw new ApiError('INTERNAL', 'not built yet');
};
// SCAFFOLD: replaced by the scoring feature.
export const scoringHandlers: HandlersFor<typeof scoringMethods> = {
  'scoring.mine': { auth: signedIn, run: notYet },
  'scoring.save': { auth: signedIn, run: notYet },
  'scoring.history': { auth: signedIn, run: notYet },
  'scoring.seal': { auth: signedIn, run: notYet },
  'scoring.myProgress': { auth: signedIn, run: notYet },
  'panel.progress': { auth: signedIn, run: notYet },
};
