import { appHandlers } from './app/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { bidderHandlers } from './bidders/handlers';
import { conflictHandlers } from './conflicts/handlers';
import { evaluationHandlers } from './evaluations/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { exportHandlers } from './export/handlers';
import { frameworkHandlers } from './frameworks/handlers';
import { identityHandlers } from './identity/handlers';
import { moderationHandlers } from './moderation/handlers';
import { panelHandlers } from './panel/handlers';
import { peopleHandlers } from './people/handlers';
import { rankingHandlers } from './ranking/handlers';
import { scoreSheetHandlers } from './score-sheets/handlers';
import { scoringHandlers } from './scoring/handlers';
import { submissionHandlers } from './submissions/handlers';
import type { Handlers } from './registry';

/** Every method of the shared contract, implemented; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...identityHandlers,
  ...peopleHandlers,
  ...frameworkHandlers,
  ...evaluationHandlers,
  ...panelHandlers,
  ...bidderHandlers,
  ...submissionHandlers,
  ...conflictHandlers,
  ...scoringHandlers,
  ...moderationHandlers,
  ...rankingHandlers,
  ...exportHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...scoreSheetHandlers,
  ...exchangeHandlers,
};
