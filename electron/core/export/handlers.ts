import type { exportMethods } from '../../../shared/api/export';
import { panel } from '../authorisation';
import type { HandlersFor } from '../registry';
import { assertMaySeeWholeRanking } from '../ranking/handlers';
import { writeRankedWorkbook } from './ranked-workbook';
import { scoresCsv } from './scores-csv';
import { takeSnapshot } from './snapshot';
import { buildEvidencePack } from '../evidence/evidence-pack';

const fileStem = (name: string, at: string) =>
  `${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'evaluation'}-${at.slice(0, 10)}`;

export const exportHandlers: HandlersFor<typeof exportMethods> = {
  'export.rankedWorkbook': {
    auth: panel('lead'),
    async run(ctx, { evaluationId, securityMarking, jobId }) {
      assertMaySeeWholeRanking(ctx, evaluationId);
      const now = ctx.now();
      const snapshot = takeSnapshot(ctx.db, evaluationId, ctx.actor!.id, now);
      const report = jobId ? ctx.progress.start(jobId, ctx.actor!.id, 'Writing the ranked-results workbook') : undefined;
      try {
        const buffer = await writeRankedWorkbook(snapshot, { evaluationName: snapshot.evaluation.name, securityMarking, exportedAt: now }, report);
        return { fileName: `${fileStem(snapshot.evaluation.name, now)}-ranked-results.xlsx`, content: buffer, bytes: buffer.byteLength };
      } finally {
        if (jobId) ctx.progress.finish(jobId);
      }
    },
  },
  'export.evidencePack': {
    auth: panel('lead'),
    async run(ctx, { evaluationId, securityMarking, jobId }) {
      const now = ctx.now();
      const snapshot = takeSnapshot(ctx.db, evaluationId, ctx.actor!.id, now);
      const report = jobId ? ctx.progress.start(jobId, ctx.actor!.id, 'Building the evidence pack') : undefined;
      try {
        const meta = { evaluationName: snapshot.evaluation.name, securityMarking, exportedAt: now };
        const { zip, manifestSha256 } = await buildEvidencePack(ctx.db, snapshot, meta, report);
        return { fileName: `${fileStem(snapshot.evaluation.name, now)}-evidence-pack.zip`, content: zip, bytes: zip.byteLength, manifestSha256 };
      } finally {
        if (jobId) ctx.progress.finish(jobId);
      }
    },
  },
  'export.scoresCsv': {
    auth: panel('lead'),
    run(ctx, { evaluationId }) {
      const now = ctx.now();
      const snapshot = takeSnapshot(ctx.db, evaluationId, ctx.actor!.id, now);
      return { fileName: `${fileStem(snapshot.evaluation.name, now)}-scores.csv`, csv: scoresCsv(snapshot) };
    },
  },
};
