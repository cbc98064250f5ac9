import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { PassphraseAssessment } from '../../../shared/api/session';

export const MIN_PASSPHRASE_LENGTH = 12;
/** zxcvbn's 3: "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

// The dictionaries take ~100 ms to load: loaded on first use, not when the app starts.
let estimator: Promise<ZxcvbnFactory> | null = null;
const strength = () =>
  (estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([{ ZxcvbnFactory }, common, en]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      }),
  ));

/** Words anyone near this app would try first. */
const APP_WORDS = ['capability', 'assessment', 'evaluation', 'evaluator', 'moderator', 'procurement', 'merton', 'bidder', 'panel', 'demo', 'passphrase'];

/**
 * One rule for every passphrase a person chooses (profiles here; evaluator packs use it too): long enough,
 * not spaces or one repeated character, and not easy to guess by the strength estimator, which also knows
 * the person's own name.
 */
export async function assessPassphrase(passphrase: string, personalWords: string[] = []): Promise<PassphraseAssessment> {
  const refuse = (message: string, suggestions: string[] = [], score = 0): PassphraseAssessment => ({ acceptable: false, score, message, suggestions });
  const threeWords = 'Three or four random words with spaces between them make a strong passphrase that is easy to remember.';
  if (passphrase.trim().length === 0) return refuse('A passphrase cannot be only spaces.', [threeWords]);
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return refuse(`A passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`, [threeWords]);
  if (new Set([...passphrase.replace(/\s/g, '')]).size < 4) return refuse('A passphrase needs more than a few different characters.', [threeWords]);
  const words = personalWords.flatMap((w) => w.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length > 2);
  // The estimator rates "first-name surname" as fair when the name is long; a name is never a passphrase.
  const rest = words.reduce((left, w) => left.split(w).join(''), passphrase.toLowerCase()).replace(/[^a-z]/g, '');
  if (words.some((w) => passphrase.toLowerCase().includes(w)) && rest.length < 4) return refuse('A passphrase cannot be your name, or your name with a few numbers or symbols.', [threeWords]);
  const result = (await strength()).check(passphrase, [...APP_WORDS, ...words]);
  if (result.score < MIN_SCORE) {
    const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.?$/, '.')}` : 'It would be too easy to guess.';
    return refuse(`This passphrase is too easy to guess. ${why}`, [...result.feedback.suggestions, threeWords], result.score);
  }
  return { acceptable: true, score: result.score, message: '', suggestions: [] };
}
