import { z } from 'zod';
import { Id, Name, NoParams, Timestamp } from './common';
import { method } from './define';

export const PersonSchema = z.object({ id: Id, name: z.string(), createdAt: Timestamp });
export type Person = z.infer<typeof PersonSchema>;

export const peopleMethods = {
  /** The people known to this installation: the profiles someone can open the app as. */
  'people.list': method({ params: NoParams, result: z.array(PersonSchema), mutates: false }),
  'people.create': method({
    params: z.object({ name: Name('A name', 120) }).strict(),
    result: PersonSchema,
    mutates: true,
  }),
};
