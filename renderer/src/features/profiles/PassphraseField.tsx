import type { InputHTMLAttributes, ReactNode } from 'react';
import { TextField } from '../../components/fields';

/** A passphrase input: never autofilled into the wrong profile, never spell-checked or sent anywhere but the core. */
export function PassphraseField({ label, hint, choosing = false, ...input }: { label: ReactNode; hint?: ReactNode; choosing?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  return <TextField label={label} hint={hint} type="password" autoComplete={choosing ? 'new-password' : 'current-password'} spellCheck={false} {...input} />;
}

export const CHOOSING_HINT = 'At least 12 characters and hard to guess: three or four random words with spaces between them work well.';
