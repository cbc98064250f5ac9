import { describe, expect, it } from 'vitest';
import { DisplayName, DocumentFileName, findSameName, firstRepeatedName, nameKey, refusedCharacters, sameName } from '../../../shared/domain/names';

/* The one rule for names people type and file names from disk: what one person sees is what everyone sees. */

const bidderName = DisplayName('A bidder name', 40);
const parsed = (text: unknown) => bidderName.safeParse(text);
const messages = (text: unknown) => parsed(text).error?.issues.map((i) => i.message);

describe('a name a person types', () => {
  it('is refused when a right-to-left override would make it display reversed, naming the character', () => {
    expect(messages('Invoice \u202Egnp.exe')).toEqual(['A bidder name may not contain invisible or direction-changing characters (U+202E right-to-left override)']);
  });

  it('is refused when it hides a zero-width character, a bidi mark or isolate, naming each once', () => {
    expect(messages('Wandle\u200B Health\u200B')).toEqual(['A bidder name may not contain invisible or direction-changing characters (U+200B zero-width space)']);
    expect(messages('\u2067Riverside\u2069 \u200FTrust\u061C')).toEqual([
      'A bidder name may not contain invisible or direction-changing characters (U+2067 right-to-left isolate, U+2069 pop directional isolate, U+200F right-to-left mark, U+061C Arabic letter mark)',
    ]);
    expect(messages('Merton\uFEFFCare')?.[0]).toContain('U+FEFF zero-width no-break space');
    expect(messages('Merton\u2060Care')?.[0]).toContain('U+2060 word joiner');
  });

  it('is refused when it holds a control character inside it, C0 or C1', () => {
    expect(messages('Bell\u0007 Ltd')).toEqual(['A bidder name may not contain control, invisible or direction-changing characters (U+0007)']);
    expect(messages('Next\u0085Line')?.[0]).toContain('(U+0085)');
    expect(messages('Two\nlines')?.[0]).toContain('(U+000A line feed)');
  });

  it('is NFKC-normalised: ligatures and full-width letters become the plain ones', () => {
    expect(parsed('\uFB01eld Partners').data).toBe('field Partners');
    expect(parsed('ＷＡＮＤＬＥ　Ｈｅａｌｔｈ').data).toBe('WANDLE Health');
  });

  it('is trimmed and its runs of spaces collapse to one, a pasted trailing line break included', () => {
    expect(parsed('  Ärzte \u00A0  Verbund \n').data).toBe('Ärzte Verbund');
  });

  it('is still required and limited in length after normalising', () => {
    expect(messages('   ')).toEqual(['A bidder name is required']);
    expect(messages('Ｗ'.repeat(41))).toEqual(['A bidder name must be at most 40 characters']);
    expect(parsed('Ｗ'.repeat(40)).data).toBe('W'.repeat(40));
  });

  it('accepts names in any script, accents and apostrophes included', () => {
    for (const name of ['Ærøskøbing Sundhed', 'Ó Súilleabháin & Co', 'Ysbyty Gwynedd – Bwrdd Iechyd', 'مؤسسة الرعاية', '東京ケア'])
      expect(parsed(name).data).toBe(name);
  });
});

describe('a file name from disk', () => {
  const fileName = DocumentFileName(255);

  it('has its control, zero-width and bidi characters removed rather than refused', () => {
    expect(fileName.parse('invoice\u202Egnp.exe\u202C')).toBe('invoicegnp.exe');
    expect(fileName.parse('\u200Bbudget\u0000 2026\u2066.xlsx\u2069')).toBe('budget 2026.xlsx');
  });

  it('is NFKC-normalised but keeps its own spacing', () => {
    expect(fileName.parse('\uFB01nance  plan.pdf')).toBe('finance  plan.pdf');
  });

  it('is refused when nothing visible is left', () => {
    expect(fileName.safeParse('\u200B\u202E').error?.issues.map((i) => i.message)).toEqual(['the document needs a file name']);
  });
});

describe('telling names apart', () => {
  it('makes names that differ only by Unicode case collide, which SQLite NOCASE does not', () => {
    expect(sameName('Ärzte Verbund', 'äRZTE VERBUND')).toBe(true);
    expect(sameName('straße', 'STRASSE')).toBe(true);
    expect(sameName('ΣΟΦΙΑ ΟΔΟΣ', 'σοφια οδος')).toBe(true);
  });

  it('makes compatibility forms, spacing and invisible characters collide too', () => {
    expect(nameKey('ＷＡＮＤＬＥ  Health')).toBe(nameKey('wandle health'));
    expect(nameKey('Wan\u200Bdle Health')).toBe(nameKey('Wandle Health'));
    expect(sameName('\uFB01eld Partners', 'FIELD PARTNERS')).toBe(true);
  });

  it('keeps names apart that differ by more than case', () => {
    expect(sameName('Ärzte Verbund', 'Arzte Verbund')).toBe(false);
    expect(sameName('Wandle Health', 'Wandle Health Ltd')).toBe(false);
  });

  it('finds the existing name a new one collides with, and a name repeated in a list', () => {
    expect(findSameName(['Riverside Trust', 'Ärzte Verbund'], 'ÄRZTE VERBUND')).toBe('Ärzte Verbund');
    expect(findSameName(['Riverside Trust'], 'Ärzte Verbund')).toBeUndefined();
    expect(firstRepeatedName(['Straße Care', 'Mitcham CIC', 'STRASSE CARE'])).toBe('STRASSE CARE');
    expect(firstRepeatedName(['Straße Care', 'Mitcham CIC'])).toBeUndefined();
  });

  it('lists each refused character once, in order of appearance', () => {
    expect(refusedCharacters('a\u202Eb\u202Ec\u200B')).toEqual(['\u202E', '\u200B']);
    expect(refusedCharacters('Plain name')).toEqual([]);
  });
});
