import { ApiError } from '../../../shared/api/errors';
import type { submissionMethods } from '../../../shared/api/submissions';
import { signedIn } from '../authorisation';
import type { HandlersFor } from '../registry';

const notYet = () => {
  throw new ApiError('INTERNAL', 'not built yet');
};
// SCAFFOLD: replaced by the submissions feature.
export const submissionHandlers: HandlersFor<typeof submissionMethods> = {
  'submissions.get': { auth: signedIn, run: notYet },
  'submissions.saveResponse': { auth: signedIn, run: notYet },
  'documents.add': { auth: signedIn, run: notYet },
  'documents.content': { auth: signedIn, run: notYet },
};
