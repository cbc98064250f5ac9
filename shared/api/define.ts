import type { z } from 'zod';

export interface MethodSpec<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  /** Mutating methods run in one write transaction and are recorded in the audit trail. */
  mutates: boolean;
  /** A read that must still be recorded in the audit trail (exports of the record). */
  audited?: boolean;
}

export const method = <P extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<P, R>): MethodSpec<P, R> => spec;
