import { z } from 'zod';
import { FileContent } from './bytes';
import { Id } from './common';
import { method } from './define';

export const DEFAULT_SECURITY_MARKING = 'OFFICIAL-SENSITIVE: COMMERCIAL';
const JobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid job id');
/** What both files holding the ranked-results workbook are asked with. */
const WorkbookExportParams = z
  .object({
    evaluationId: Id,
    securityMarking: z.string().trim().min(1).max(80).default(DEFAULT_SECURITY_MARKING),
    jobId: JobId.optional(),
  })
  .strict();

export const exportMethods = {
  /** The ranked-results workbook (xlsx), with live formulas; pass a jobId to follow its progress (pushed: GET /events, or the desktop's progress events). */
  'export.rankedWorkbook': method({
    params: WorkbookExportParams,
    result: z.object({ fileName: z.string(), content: FileContent, bytes: z.number().int() }),
    mutates: false,
    audited: true,
  }),
  /** One zip: the workbook, the audit log, framework, scale and rules, conflicts register, document hashes and a SHA-256 manifest. */
  'export.evidencePack': method({
    params: WorkbookExportParams,
    result: z.object({ fileName: z.string(), content: FileContent, bytes: z.number().int(), manifestSha256: z.string() }),
    mutates: false,
    audited: true,
  }),
  /** Individual and consensus scores as CSV, for people who analyse elsewhere. */
  'export.scoresCsv': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.object({ fileName: z.string(), csv: z.string() }),
    mutates: false,
    audited: true,
  }),
};
