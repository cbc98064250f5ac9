import { z } from 'zod';
import { DisplayName } from '../domain/names';
import { Id, NoParams, Timestamp } from './common';
import { method } from './define';

export const PersonSchema = z.object({ id: Id, name: z.string(), createdAt: Timestamp });
export type Person = z.infer<typeof PersonSchema>;

export const peopleMethods = {
  /** The people known to this installation (to put on a panel, to name in records). */
  'people.list': method({ params: NoParams, result: z.array(PersonSchema), mutates: false }),
  /**
   * Adds someone to this installation's people (e.g. for a panel) without a passphrase: they cannot sign in
   * here until they open their evaluator pack here or the administrator sets them a passphrase.
   */
  'people.create': method({
    params: z.object({ name: DisplayName('A name', 120) }).strict(),
    result: PersonSchema,
    mutates: true,
  }),
};
