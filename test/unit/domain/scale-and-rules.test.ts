import { describe, expect, it } from 'vitest';
import merton from '../../../resources/frameworks/merton-ics-2020.json';
import { FrameworkSchema, type Framework } from '../../../shared/domain/framework';
import {
  checkThresholds,
  checkTieBreak,
  DEFAULT_RULES,
  describeThreshold,
  describeTieBreak,
  RulesSchema,
  type Threshold,
} from '../../../shared/domain/rules';
import { DEFAULT_SCALE, isOnScale, ScaleSchema, scaleMax, scaleMin, type Scale } from '../../../shared/domain/scale';
import { checkSettings, defaultSettings, type EvaluationSettings } from '../../../shared/domain/settings';

/*
 * Before bids arrive a procurement lead publishes the scoring scale (points with descriptors), minimum
 * thresholds ("no Developing criterion below 2") and the rules for aggregation and ties. These are the
 * pure checks that stand behind every save.
 */

const MERTON: Framework = FrameworkSchema.parse(merton);

const point = (value: number, label = `Point ${value}`) => ({ value, label, descriptor: `What ${label} means` });
const scaleOf = (...values: number[]): Scale => ({ points: values.map((v) => point(v)) });
const issuesOf = (scale: unknown) => {
  const parsed = ScaleSchema.safeParse(scale);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};
const threshold = (t: Partial<Threshold>): Threshold => ({ id: 't1', areaId: null, stageId: null, minScore: 2, ...t });

describe('the default scoring scale', () => {
  it('runs from 0 "No confidence" to 5 "High confidence"', () => {
    expect(DEFAULT_SCALE.points.map((p) => p.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scaleMin(DEFAULT_SCALE)).toBe(0);
    expect(scaleMax(DEFAULT_SCALE)).toBe(5);
    expect(DEFAULT_SCALE.points[0]?.label).toBe('No confidence');
    expect(DEFAULT_SCALE.points[5]?.label).toBe('High confidence');
  });

  it('has a label and a distinct, published descriptor for every point', () => {
    for (const p of DEFAULT_SCALE.points) {
      expect(p.label.trim()).not.toBe('');
      expect(p.descriptor.trim().length).toBeGreaterThan(20);
    }
    expect(new Set(DEFAULT_SCALE.points.map((p) => p.descriptor)).size).toBe(6);
    expect(DEFAULT_SCALE.points[0]?.descriptor).toMatch(/^Not evidenced/);
  });

  it('is itself a valid scale', () => {
    expect(issuesOf(DEFAULT_SCALE)).toEqual([]);
  });

  it('knows which whole numbers are points on it', () => {
    expect(isOnScale(DEFAULT_SCALE, 0)).toBe(true);
    expect(isOnScale(DEFAULT_SCALE, 5)).toBe(true);
    expect(isOnScale(DEFAULT_SCALE, 6)).toBe(false);
    expect(isOnScale(DEFAULT_SCALE, 2.5)).toBe(false);
    expect(isOnScale(scaleOf(0, 3, 6, 9), 3)).toBe(true);
    expect(isOnScale(scaleOf(0, 3, 6, 9), 2)).toBe(false);
  });
});

describe('a scale the lead writes', () => {
  it('may use any rising whole numbers, e.g. 0 / 3 / 6 / 9', () => {
    expect(issuesOf(scaleOf(0, 3, 6, 9))).toEqual([]);
    expect(scaleMax(scaleOf(0, 3, 6, 9))).toBe(9);
  });

  it('must rise strictly: a repeated point is refused where it repeats', () => {
    expect(issuesOf(scaleOf(0, 1, 2, 2, 3))).toEqual([['points.3.value', 'score points must rise: 2 follows 2']]);
  });

  it('must rise strictly: a point lower than the one before is refused', () => {
    expect(issuesOf(scaleOf(0, 3, 1))).toEqual([['points.2.value', 'score points must rise: 1 follows 3']]);
  });

  it('needs at least two points', () => {
    expect(issuesOf(scaleOf(5))).toEqual([['points', 'a scale needs at least two points']]);
  });

  it('uses whole numbers only', () => {
    expect(issuesOf(scaleOf(0, 1.5, 3))).toEqual([['points.1.value', 'score points are whole numbers']]);
  });

  it('needs a descriptor for every point, so bidders know what each score means', () => {
    const scale = { points: [point(0), { value: 1, label: 'Some', descriptor: '   ' }] };
    expect(issuesOf(scale)).toEqual([['points.1.descriptor', 'each score point needs a descriptor']]);
  });
});

describe('how a threshold is worded for bidders', () => {
  it('reads "A score below 2 on any Developing criterion fails" for a stage-wide minimum', () => {
    expect(describeThreshold(threshold({ stageId: 'developing', minScore: 2 }), MERTON)).toBe('A score below 2 on any Developing criterion fails');
  });

  it('names the capability area for an area-wide minimum', () => {
    expect(describeThreshold(threshold({ areaId: 'managing-resources', minScore: 1 }), MERTON)).toBe(
      'A score below 1 on any criterion of “Managing resources” fails',
    );
  });

  it('names both for a single criterion', () => {
    expect(describeThreshold(threshold({ areaId: 'governance-and-leadership', stageId: 'thriving', minScore: 3 }), MERTON)).toBe(
      'A score below 3 on the Thriving criterion of “Governance and leadership” fails',
    );
  });

  it('covers every criterion when neither is given', () => {
    expect(describeThreshold(threshold({ minScore: 1 }), MERTON)).toBe('A score below 1 on any criterion fails');
  });
});

describe('how a tie-break rule is worded', () => {
  it('says ties are left, or which sub-total orders them', () => {
    expect(describeTieBreak({ kind: 'leave-as-tie' }, MERTON)).toBe('Equal totals are left as ties');
    expect(describeTieBreak({ kind: 'stage-subtotal', stageId: 'developing' }, MERTON)).toBe(
      'Equal totals are ordered by the higher Developing sub-total',
    );
    expect(describeTieBreak({ kind: 'area-subtotal', areaId: 'governance-and-leadership' }, MERTON)).toBe(
      'Equal totals are ordered by the higher “Governance and leadership” sub-total',
    );
  });
});

describe('checking thresholds against the framework and the scale', () => {
  it('accepts "no Developing criterion below 2" on the default scale', () => {
    expect(checkThresholds([threshold({ stageId: 'developing', minScore: 2 })], MERTON, DEFAULT_SCALE)).toEqual([]);
  });

  it('refuses a capability area the framework does not have', () => {
    expect(checkThresholds([threshold({ areaId: 'finance' })], MERTON, DEFAULT_SCALE)).toEqual([
      { path: '0.areaId', message: '"finance" is not a capability area of this framework' },
    ]);
  });

  it('refuses a stage the framework does not have', () => {
    expect(checkThresholds([threshold({ id: 'a' }), threshold({ id: 'b', stageId: 'embedding' })], MERTON, DEFAULT_SCALE)).toEqual([
      { path: '1.stageId', message: '"embedding" is not a stage of this framework' },
    ]);
  });

  it('refuses a minimum score that is not a point on the scale', () => {
    expect(checkThresholds([threshold({ minScore: 6 })], MERTON, DEFAULT_SCALE)).toEqual([
      { path: '0.minScore', message: 'minimum score 6 is not a point on the scoring scale' },
    ]);
    // On a 0 / 3 / 6 / 9 scale, 2 is between points and so cannot be a minimum.
    expect(checkThresholds([threshold({ minScore: 2 })], MERTON, scaleOf(0, 3, 6, 9))).toEqual([
      { path: '0.minScore', message: 'minimum score 2 is not a point on the scoring scale' },
    ]);
  });

  it('refuses two thresholds with the same id', () => {
    expect(checkThresholds([threshold({ id: 'dev' }), threshold({ id: 'dev', minScore: 1 })], MERTON, DEFAULT_SCALE)).toEqual([
      { path: '1.id', message: 'duplicate threshold id "dev"' },
    ]);
  });
});

describe('checking the tie-break rule against the framework', () => {
  it('accepts leaving ties, or a sub-total of a real stage or area', () => {
    expect(checkTieBreak({ kind: 'leave-as-tie' }, MERTON)).toEqual([]);
    expect(checkTieBreak({ kind: 'stage-subtotal', stageId: 'maturing' }, MERTON)).toEqual([]);
    expect(checkTieBreak({ kind: 'area-subtotal', areaId: 'transformation-change' }, MERTON)).toEqual([]);
  });

  it('refuses a sub-total of a stage or area the framework does not have', () => {
    expect(checkTieBreak({ kind: 'stage-subtotal', stageId: 'embedding' }, MERTON)).toEqual([
      { path: 'tieBreak.stageId', message: '"embedding" is not a stage of this framework' },
    ]);
    expect(checkTieBreak({ kind: 'area-subtotal', areaId: 'finance' }, MERTON)).toEqual([
      { path: 'tieBreak.areaId', message: '"finance" is not a capability area of this framework' },
    ]);
  });
});

describe('the rules schema', () => {
  it('starts from consensus, ties left as ties, a spread tolerance of 2 and 50-character rationales', () => {
    expect(DEFAULT_RULES).toEqual({ aggregation: 'consensus', tieBreak: { kind: 'leave-as-tie' }, spreadTolerance: 2, rationaleMinLength: 50 });
    expect(RulesSchema.safeParse(DEFAULT_RULES).success).toBe(true);
  });

  it('refuses an unknown aggregation rule and a spread tolerance of 0', () => {
    expect(RulesSchema.safeParse({ ...DEFAULT_RULES, aggregation: 'mode' }).success).toBe(false);
    const parsed = RulesSchema.safeParse({ ...DEFAULT_RULES, spreadTolerance: 0 });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['spreadTolerance']);
  });
});

describe('checking the settings as a whole before publishing', () => {
  const settings = (change: Partial<EvaluationSettings> = {}): EvaluationSettings => ({ ...defaultSettings(MERTON), ...change });

  it('finds nothing wrong with a new evaluation’s default settings', () => {
    expect(defaultSettings(MERTON)).toEqual({ scale: DEFAULT_SCALE, weights: expect.any(Object), thresholds: [], rules: DEFAULT_RULES });
    expect(checkSettings(settings(), MERTON)).toEqual([]);
  });

  it('reports each problem with a path saying which part of the settings it is in', () => {
    const s = settings({
      thresholds: [threshold({ minScore: 7 })],
      rules: { ...DEFAULT_RULES, tieBreak: { kind: 'stage-subtotal', stageId: 'embedding' } },
    });
    s.weights.areas[0]!.weight = 30; // 30 + 25 + 25 + 25 = 105
    expect(checkSettings(s, MERTON)).toEqual([
      { path: 'weights.areas', message: 'capability area weights total 105%; they must total 100%' },
      { path: 'thresholds.0.minScore', message: 'minimum score 7 is not a point on the scoring scale' },
      { path: 'rules.tieBreak.stageId', message: '"embedding" is not a stage of this framework' },
    ]);
  });

  it('refuses a threshold that a narrower scale would strand: minimum 4 on a 0–3 scale', () => {
    const s = settings({ scale: scaleOf(0, 1, 2, 3), thresholds: [threshold({ minScore: 4 })] });
    expect(checkSettings(s, MERTON)).toEqual([{ path: 'thresholds.0.minScore', message: 'minimum score 4 is not a point on the scoring scale' }]);
  });

  it('refuses a spread tolerance of 6 on a 0–5 scale, where no spread could ever reach it', () => {
    expect(checkSettings(settings({ rules: { ...DEFAULT_RULES, spreadTolerance: 6 } }), MERTON)).toEqual([
      { path: 'rules.spreadTolerance', message: 'the spread tolerance is larger than the widest possible spread on the scale' },
    ]);
    // 5 is the widest spread a 0–5 scale allows (one evaluator gives 0, another 5), so it is still usable.
    expect(checkSettings(settings({ rules: { ...DEFAULT_RULES, spreadTolerance: 5 } }), MERTON)).toEqual([]);
  });
});
