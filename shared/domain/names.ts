import { z } from 'zod';

/*
 * Names of people, bidders, consortium members, evaluations and files: one normal form (Unicode NFKC,
 * single spaces) and no character that is invisible or changes the direction of the text around it, so
 * that what one person sees is what everyone else sees ("‮gnp.exe‬" never displays as "exe.png").
 *
 * Refuse or remove? A name a person types is refused, with the character named: they see why and can
 * retype it. A file name comes from disk (a bid document, a folder import) and nobody can retype it, so
 * those characters are removed instead; the document's SHA-256 in the audit trail still identifies it.
 *
 * ZWJ and ZWNJ (U+200D, U+200C) are refused too, although a few scripts (Persian, some Indic ones) use
 * them inside words: the issue asks for every zero-width character, and a name without them still reads.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;

/**
 * Every refused character: C0 and C1 controls and the line and paragraph separators; zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF); bidi marks, embeddings, overrides and isolates (U+061C,
 * U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); and others that draw nothing (soft hyphen, invisible
 * operators, Hangul fillers, interlinear annotation marks, tags). U+200D, U+034F and U+1160 are listed
 * outside the brackets: inside, they would read as joined to the character before them.
 */
const REFUSED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200B\u200C\u2060\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\u115F\u180E\u2061-\u2064\u3164\uFFA0\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\u200D|\u034F|\u1160/gu;

const CHARACTER_NAMES: Record<string, string> = {
  '\u0009': 'tab',
  '\u000A': 'line feed',
  '\u000D': 'carriage return',
  '\u00AD': 'soft hyphen',
  '\u061C': 'Arabic letter mark',
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\uFEFF': 'zero-width no-break space',
};

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const described = (c: string) => (CHARACTER_NAMES[c] ? `${codePoint(c)} ${CHARACTER_NAMES[c]}` : codePoint(c));

/** The refused characters in a text, each once, in the order they first appear. */
export const refusedCharacters = (text: string): string[] => [...new Set(text.match(REFUSED) ?? [])];

/** Removes every control, zero-width, direction-changing and otherwise invisible character. */
export const withoutInvisibles = (text: string): string => text.replace(REFUSED, '');

/** Runs of white space (NFKC has already made odd spaces plain ones) become one space; the ends are trimmed. */
const singleSpaced = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Why a name is refused, naming the characters, e.g. "… (U+202E right-to-left override)". */
export function refusedCharactersMessage(what: string, characters: readonly string[]): string {
  const kinds = characters.some((c) => CONTROL.test(c)) ? 'control, invisible or direction-changing characters' : 'invisible or direction-changing characters';
  return `${what} may not contain ${kinds} (${characters.map(described).join(', ')})`;
}

/**
 * A name a person types (people, profiles, bidders, consortium members, evaluations): NFKC, single
 * spaces, refused — with the characters named — if it holds a control, zero-width or bidi character.
 */
export const DisplayName = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const found = refusedCharacters(text);
      if (found.length > 0) ctx.addIssue({ code: 'custom', message: refusedCharactersMessage(what, found) });
    })
    .overwrite((text) => singleSpaced(text.normalize('NFKC')))
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);

/** A file's name as it came from disk, cleaned rather than refused (see the note at the top). */
export const cleanedFileName = (given: string): string => withoutInvisibles(given.normalize('NFKC')).trim();

export const DocumentFileName = (max = 255) =>
  z
    .string()
    .overwrite(cleanedFileName)
    .min(1, 'the document needs a file name')
    .max(max, `a file name must be at most ${max} characters`);

/**
 * What two names are compared by when they must differ: NFKC, invisibles removed, single spaces, then
 * case-folded. JavaScript has no Unicode case folding, and toLowerCase alone keeps "ß" apart from "ss";
 * upper-casing first gives full folding's multi-character mappings (ß → SS → ss, ŉ → ʼN → ʼn) and
 * final sigma (ς → Σ → σ), and a last NFKC recomposes what the case mappings decomposed. It folds a
 * little further than Unicode's NFKC_Casefold (dotless ı meets i), which for telling names apart errs
 * on the safe side: the person adds a distinguishing detail.
 */
export const nameKey = (name: string): string => singleSpaced(withoutInvisibles(name.normalize('NFKC'))).toUpperCase().toLowerCase().normalize('NFKC');

export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/** The first of `names` that is the same name as `name` (see nameKey), if any. */
export const findSameName = (names: readonly string[], name: string): string | undefined => {
  const key = nameKey(name);
  return names.find((n) => nameKey(n) === key);
};

/** The first name that appears twice in a list under nameKey, if any (as written the second time). */
export function firstRepeatedName(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    const key = nameKey(name);
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return undefined;
}
