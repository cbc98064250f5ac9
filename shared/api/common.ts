import { z } from 'zod';

export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid identifier');
export const Timestamp = z.string().datetime({ offset: true });
export const Name = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);
export const NoParams = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
