import type { Weights } from '../../../shared/domain/weights';

/** The Merton framework's capability area ids. */
export const GOV = 'governance-and-leadership';
export const TRANSFORM = 'transformation-change';
export const CULTURE = 'culture-change-continuous-improvement';
export const RESOURCES = 'managing-resources';

/** Stage weights within one area, in the Merton stage order. */
export const stages = (developing: number, maturing: number, thriving: number) => [
  { stageId: 'developing', weight: developing },
  { stageId: 'maturing', weight: maturing },
  { stageId: 'thriving', weight: thriving },
];

/** A lead who cares most about governance and about what is in place now (Developing). */
export const leadsWeights = (): Weights => ({
  areas: [
    { areaId: GOV, weight: 40, stages: stages(25, 50, 25) },
    { areaId: TRANSFORM, weight: 30, stages: stages(50, 30, 20) },
    { areaId: CULTURE, weight: 20, stages: stages(60, 30, 10) },
    { areaId: RESOURCES, weight: 10, stages: stages(40, 40, 20) },
  ],
});
