import type { exchangeMethods } from '../../../shared/api/exchange';
import type { HandlersFor } from '../registry';
import { evaluatorHandlers } from './evaluator-handlers';
import { issuingHandlers } from './issuing-handlers';

/** Evaluator packs out to evaluators' own installations, score returns back. */
export const exchangeHandlers: HandlersFor<typeof exchangeMethods> = { ...issuingHandlers, ...evaluatorHandlers };
