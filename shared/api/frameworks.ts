import { z } from 'zod';
import { FrameworkSchema, FrameworkToSaveSchema } from '../domain/framework';
import { Id, Name, NoParams, Timestamp } from './common';
import { method } from './define';

export const MAX_FRAMEWORK_JSON_BYTES = 2 * 1024 * 1024;

export const FrameworkSummarySchema = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  revision: z.number().int(),
  builtIn: z.boolean(),
  areaCount: z.number().int(),
  stageCount: z.number().int(),
  updatedAt: Timestamp,
  updatedBy: z.string().nullable(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummarySchema>;

const FrameworkRef = z.object({ frameworkId: Id }).strict();

export const frameworkMethods = {
  'frameworks.list': method({ params: NoParams, result: z.array(FrameworkSummarySchema), mutates: false }),
  'frameworks.get': method({
    params: FrameworkRef,
    result: z.object({ summary: FrameworkSummarySchema, framework: FrameworkSchema }),
    mutates: false,
  }),
  /** Import a framework from its JSON text; refused with every problem listed if it is not a valid framework. */
  'frameworks.import': method({
    params: z.object({ json: z.string().max(MAX_FRAMEWORK_JSON_BYTES, 'the file is larger than 2 MB') }).strict(),
    result: FrameworkSummarySchema,
    mutates: true,
  }),
  'frameworks.export': method({
    params: FrameworkRef,
    result: z.object({ fileName: z.string(), json: z.string() }),
    mutates: false,
  }),
  /** A copy to author: a built-in framework is never edited in place. */
  'frameworks.duplicate': method({
    params: z.object({ frameworkId: Id, name: Name('A framework name') }).strict(),
    result: FrameworkSummarySchema,
    mutates: true,
  }),
  /** Saving an edit adds a revision; earlier revisions are kept. */
  'frameworks.saveRevision': method({
    params: z.object({ frameworkId: Id, basedOnRevision: z.number().int().min(1), framework: FrameworkToSaveSchema }).strict(),
    result: FrameworkSummarySchema,
    mutates: true,
  }),
};
