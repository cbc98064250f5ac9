import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';

describe('canonical JSON, one spelling per value', () => {
  it('sorts keys at every depth and drops undefined members, as JSON does', () => {
    expect(canonicalJson({ score: 4, rationale: 'é “quoted”', evidenceRefs: [{ location: 'p 2', documentId: 'd1' }], indicatorMarks: { b: 'met', a: 'partly' }, gone: undefined })).toBe(
      '{"evidenceRefs":[{"documentId":"d1","location":"p 2"}],"indicatorMarks":{"a":"partly","b":"met"},"rationale":"é “quoted”","score":4}',
    );
  });

  it('writes null for undefined in arrays and at the top, and leaves arrays in their order', () => {
    expect(canonicalJson([3, undefined, null, 'x'])).toBe('[3,null,null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('spells two objects with the same members the same, whatever their key order', () => {
    expect(canonicalJson({ a: 1, b: { d: [1, 2], c: true } })).toBe(canonicalJson({ b: { c: true, d: [1, 2] }, a: 1 }));
  });
});
