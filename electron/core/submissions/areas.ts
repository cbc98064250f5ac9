import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { frozenFramework } from '../evaluations/repo';

/** The capability area must be one of the evaluation's frozen framework; its title, for messages. */
export function capabilityAreaTitle(db: Db, evaluationId: string, areaId: string): string {
  const area = frozenFramework(db, evaluationId).areas.find((a) => a.id === areaId);
  if (!area) throw new ApiError('NOT_FOUND', `There is no capability area “${areaId}” in this evaluation’s framework.`);
  return area.title;
}
