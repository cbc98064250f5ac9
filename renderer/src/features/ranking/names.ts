import type { Framework } from '../../../../shared/domain/framework';

type Fw = Pick<Framework, 'areas' | 'stages'>;

export const areaTitle = (fw: Fw, areaId: string): string => fw.areas.find((a) => a.id === areaId)?.title ?? areaId;

export const stageLabel = (fw: Fw, stageId: string): string => fw.stages.find((s) => s.id === stageId)?.label ?? stageId;

/** A criterion is one area × one stage: named "Area — Stage", as on the scoring and moderation screens. */
export function criterionName(fw: Fw, criterionId: string): string {
  const [areaId = criterionId, stageId = ''] = criterionId.split('/');
  return `${areaTitle(fw, areaId)} — ${stageLabel(fw, stageId)}`;
}
