import type { conflictMethods } from '../../../shared/api/conflicts';
import { ApiError } from '../../../shared/api/errors';
import { signedIn } from '../authorisation';
import type { HandlersFor } from '../registry';

const notYet = () => {
  throw new ApiError('INTERNAL', 'not built yet');
};
// SCAFFOLD: replaced by the conflicts feature.
export const conflictHandlers: HandlersFor<typeof conflictMethods> = {
  'conflicts.mine': { auth: signedIn, run: notYet },
  'conflicts.declare': { auth: signedIn, run: notYet },
  'conflicts.register': { auth: signedIn, run: notYet },
  'conflicts.recordMitigation': { auth: signedIn, run: notYet },
};
