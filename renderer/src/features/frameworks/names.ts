import type { CapabilityArea, Stage } from '../../../../shared/domain/framework';
import type { IndicatorPath } from './draft';

/** How the editor names the things it edits, in labels, buttons and problems: the glossary's words. */

export const areaName = (area: Pick<CapabilityArea, 'title'> | undefined, index: number): string =>
  area?.title.trim() || `capability area ${index + 1}`;

export const stageName = (stage: Pick<Stage, 'label'> | undefined, index: number): string => stage?.label.trim() || `stage ${index + 1}`;

/** "2.1" for the first sub-item of the second evidence indicator. */
export const indicatorNumber = (path: IndicatorPath): string => path.map((i) => i + 1).join('.');

/** data-edit-id values of the editor's inputs, buttons and headings, so that focus can be moved to them after an edit. */
export const editId = {
  stagesHeading: 'stages-heading',
  removeStage: (stageId: string) => `stage-${stageId}-remove`,
  areasHeading: 'areas-heading',
  moveArea: (areaId: string, by: -1 | 1) => `area-${areaId}-move-${by < 0 ? 'up' : 'down'}`,
  removeArea: (areaId: string) => `area-${areaId}-remove`,
  areaTitle: (areaId: string) => `area-${areaId}-title`,
  question: (areaId: string, index: number) => `area-${areaId}-question-${index}`,
  addQuestion: (areaId: string) => `area-${areaId}-add-question`,
  addIndicator: (areaId: string, stageId: string) => `area-${areaId}-stage-${stageId}-add-indicator`,
  indicatorText: (areaId: string, stageId: string, path: IndicatorPath) => `area-${areaId}-stage-${stageId}-indicator-${indicatorNumber(path)}`,
};
