import { describe, expect, it } from 'vitest';
import merton from '../../../resources/frameworks/merton-ics-2020.json';
import { FrameworkSchema, listCriteria, type Framework } from '../../../shared/domain/framework';
import { checkWeights, defaultWeights, effectiveWeights, evenSplit, toHundredths, WeightsSchema, type Weights } from '../../../shared/domain/weights';
import { GOV, TRANSFORM, CULTURE, RESOURCES, stages, leadsWeights } from '../support/merton-weights';

/*
 * A procurement lead publishes how much each criterion (capability area × stage) counts. They weight the
 * areas against each other, then the stages within each area; a criterion's share of the total is the
 * product. The Merton framework has four areas and three stages (Developing, Maturing, Thriving).
 */

const MERTON: Framework = FrameworkSchema.parse(merton);

const messages = (issues: { message: string }[]) => issues.map((i) => i.message);

describe('effective weight of a criterion', () => {
  it('is the area weight times the stage weight within the area: 40% × 25% = 10%', () => {
    const effective = effectiveWeights(leadsWeights());
    // Worked by hand: Governance 40% × Developing 25% = 10%; × Maturing 50% = 20%; × Thriving 25% = 10%.
    expect(effective.get(`${GOV}/developing`)).toBe(10);
    expect(effective.get(`${GOV}/maturing`)).toBe(20);
    expect(effective.get(`${GOV}/thriving`)).toBe(10);
    // Transformation 30% × 50/30/20 = 15% / 9% / 6%.
    expect(effective.get(`${TRANSFORM}/developing`)).toBe(15);
    expect(effective.get(`${TRANSFORM}/maturing`)).toBe(9);
    expect(effective.get(`${TRANSFORM}/thriving`)).toBe(6);
    // Culture 20% × 60/30/10 = 12% / 6% / 2%;  Resources 10% × 40/40/20 = 4% / 4% / 2%.
    expect(effective.get(`${CULTURE}/developing`)).toBe(12);
    expect(effective.get(`${CULTURE}/thriving`)).toBe(2);
    expect(effective.get(`${RESOURCES}/maturing`)).toBe(4);
    expect(effective.get(`${RESOURCES}/thriving`)).toBe(2);
  });

  it('gives one weight to every criterion of the framework, and all criteria together carry 100%', () => {
    const effective = effectiveWeights(leadsWeights());
    expect([...effective.keys()].sort()).toEqual(
      listCriteria(MERTON)
        .map((c) => c.id)
        .sort(),
    );
    expect(effective.size).toBe(12);
    // 10+20+10 + 15+9+6 + 12+6+2 + 4+4+2 = 100
    const total = [...effective.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(100, 10);
  });

  it('makes the default Merton weights 25% × 33.34% = 8.335% and 25% × 33.33% = 8.3325%, still 100% in all', () => {
    const effective = effectiveWeights(defaultWeights(MERTON));
    expect(effective.get(`${GOV}/developing`)).toBeCloseTo(8.335, 10);
    expect(effective.get(`${GOV}/maturing`)).toBeCloseTo(8.3325, 10);
    expect(effective.get(`${RESOURCES}/thriving`)).toBeCloseTo(8.3325, 10);
    // 4 areas × (8.335 + 8.3325 + 8.3325) = 4 × 25 = 100
    expect([...effective.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });
});

describe('splitting 100% evenly', () => {
  it('splits three ways as 33.34 / 33.33 / 33.33, the spare hundredth going to the first', () => {
    expect(evenSplit(3)).toEqual([33.34, 33.33, 33.33]);
  });

  it('splits four ways as 25% each and six ways as 16.67 ×4 then 16.66 ×2', () => {
    expect(evenSplit(4)).toEqual([25, 25, 25, 25]);
    // 10 000 hundredths / 6 = 1666 remainder 4: the first four get 1667.
    expect(evenSplit(6)).toEqual([16.67, 16.67, 16.67, 16.67, 16.66, 16.66]);
  });

  it('always adds up to exactly 100% in hundredths', () => {
    for (let n = 1; n <= 30; n++) {
      const shares = evenSplit(n);
      expect(shares).toHaveLength(n);
      expect(shares.reduce((sum, s) => sum + toHundredths(s), 0)).toBe(10_000);
    }
  });

  it('gives a single item 100% and nothing to split for no items', () => {
    expect(evenSplit(1)).toEqual([100]);
    expect(evenSplit(0)).toEqual([]);
  });
});

describe('default weights for a new evaluation', () => {
  it('weights the four Merton areas 25% each and the stages 33.34 / 33.33 / 33.33 within each area', () => {
    const weights = defaultWeights(MERTON);
    expect(weights.areas.map((a) => [a.areaId, a.weight])).toEqual([
      [GOV, 25],
      [TRANSFORM, 25],
      [CULTURE, 25],
      [RESOURCES, 25],
    ]);
    for (const area of weights.areas) expect(area.stages).toEqual(stages(33.34, 33.33, 33.33));
  });

  it('passes every weight check, so a new evaluation can be published as it is', () => {
    expect(checkWeights(defaultWeights(MERTON), MERTON)).toEqual([]);
    expect(WeightsSchema.safeParse(defaultWeights(MERTON)).success).toBe(true);
  });
});

describe('checking weights before they are saved', () => {
  it('accepts weights whose areas and stages each total 100%', () => {
    expect(checkWeights(leadsWeights(), MERTON)).toEqual([]);
  });

  it('adds in hundredths, so 33.34 + 33.33 + 33.33 and 10.1 + 20.2 + 30.3 + 39.4 are exactly 100%', () => {
    const w: Weights = {
      areas: [
        { areaId: GOV, weight: 10.1, stages: stages(33.34, 33.33, 33.33) },
        { areaId: TRANSFORM, weight: 20.2, stages: stages(0.1, 0.2, 99.7) },
        { areaId: CULTURE, weight: 30.3, stages: stages(33.33, 33.34, 33.33) },
        { areaId: RESOURCES, weight: 39.4, stages: stages(100, 0, 0) },
      ],
    };
    expect(checkWeights(w, MERTON)).toEqual([]);
  });

  it('refuses area weights that total 95%, saying what they total', () => {
    const w = leadsWeights();
    w.areas[3]!.weight = 5; // 40 + 30 + 20 + 5 = 95
    expect(checkWeights(w, MERTON)).toEqual([{ path: 'areas', message: 'capability area weights total 95%; they must total 100%' }]);
  });

  it('refuses area weights that total 100.01%, to the hundredth', () => {
    const w = leadsWeights();
    w.areas[0]!.weight = 40.01;
    expect(messages(checkWeights(w, MERTON))).toEqual(['capability area weights total 100.01%; they must total 100%']);
  });

  it('refuses stage weights within an area that do not total 100%, naming the area', () => {
    const w = leadsWeights();
    w.areas[3]!.stages = stages(40, 40, 10); // Managing resources: 90%
    expect(checkWeights(w, MERTON)).toEqual([
      { path: 'areas.3.stages', message: 'stage weights within "Managing resources" total 90%; they must total 100%' },
    ]);
  });

  it('refuses weights that leave out a capability area', () => {
    const w = leadsWeights();
    w.areas = w.areas.filter((a) => a.areaId !== CULTURE);
    w.areas[0]!.weight = 60; // keep the total at 100 so only the missing area is reported
    expect(checkWeights(w, MERTON)).toEqual([{ path: 'areas', message: `capability area "${CULTURE}" needs exactly one weight` }]);
  });

  it('refuses a capability area weighted twice', () => {
    const w = leadsWeights();
    w.areas = [
      { areaId: GOV, weight: 40, stages: stages(25, 50, 25) },
      { areaId: GOV, weight: 10, stages: stages(25, 50, 25) },
      { areaId: TRANSFORM, weight: 30, stages: stages(50, 30, 20) },
      { areaId: CULTURE, weight: 20, stages: stages(60, 30, 10) },
    ];
    expect(messages(checkWeights(w, MERTON))).toEqual([
      `capability area "${GOV}" needs exactly one weight`,
      `capability area "${RESOURCES}" needs exactly one weight`,
    ]);
  });

  it('refuses a weight for an area that is not in the framework', () => {
    const w = leadsWeights();
    w.areas.push({ areaId: 'finance', weight: 0, stages: stages(100, 0, 0) });
    expect(checkWeights(w, MERTON)).toEqual([{ path: 'areas', message: '"finance" is not a capability area of this framework' }]);
  });

  it('refuses an area whose stages leave one out, naming the area and the stage', () => {
    const w = leadsWeights();
    w.areas[0]!.stages = [
      { stageId: 'developing', weight: 50 },
      { stageId: 'maturing', weight: 50 },
    ];
    expect(checkWeights(w, MERTON)).toEqual([
      { path: 'areas.0.stages', message: '"Governance and leadership" needs exactly one weight for stage "thriving"' },
    ]);
  });

  it('refuses an area that weights a stage twice', () => {
    const w = leadsWeights();
    w.areas[1]!.stages = [
      { stageId: 'developing', weight: 50 },
      { stageId: 'developing', weight: 20 },
      { stageId: 'maturing', weight: 30 },
    ];
    expect(messages(checkWeights(w, MERTON))).toEqual([
      '"Transformation change" needs exactly one weight for stage "developing"',
      '"Transformation change" needs exactly one weight for stage "thriving"',
    ]);
  });

  it('refuses a weight for a stage that is not in the framework', () => {
    const w = leadsWeights();
    w.areas[2]!.stages = [...stages(60, 30, 10), { stageId: 'embedding', weight: 0 }];
    expect(checkWeights(w, MERTON)).toEqual([{ path: 'areas.2.stages', message: '"embedding" is not a stage of this framework' }]);
  });

  it('reports every problem at once, not only the first', () => {
    const w = leadsWeights();
    w.areas[0]!.weight = 50; // areas total 110
    w.areas[1]!.stages = stages(50, 30, 30); // Transformation change 110
    expect(messages(checkWeights(w, MERTON))).toEqual([
      'capability area weights total 110%; they must total 100%',
      'stage weights within "Transformation change" total 110%; they must total 100%',
    ]);
  });
});

describe('a weight is a percentage with at most two decimal places', () => {
  const withGovernanceWeight = (weight: number) => ({ areas: [{ areaId: GOV, weight, stages: [] }] });

  it.each([0, 0.01, 12.5, 33.33, 100])('accepts %s%', (weight) => {
    expect(WeightsSchema.safeParse(withGovernanceWeight(weight)).success).toBe(true);
  });

  it.each([
    [33.333, 'use at most two decimal places'],
    [0.001, 'use at most two decimal places'],
    [-1, 'a weight cannot be negative'],
    [100.01, 'a weight cannot exceed 100%'],
  ])('refuses %s% (%s)', (weight, message) => {
    const parsed = WeightsSchema.safeParse(withGovernanceWeight(weight));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['areas.0.weight', message]]);
  });

  it('applies the same rule to stage weights', () => {
    const parsed = WeightsSchema.safeParse({ areas: [{ areaId: GOV, weight: 100, stages: [{ stageId: 'developing', weight: 66.666 }] }] });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['areas.0.stages.0.weight', 'use at most two decimal places']]);
  });
});
