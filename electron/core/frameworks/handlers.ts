import { ApiError, issuesFromZod } from '../../../shared/api/errors';
import type { frameworkMethods } from '../../../shared/api/frameworks';
import { FrameworkToSaveSchema, type Framework } from '../../../shared/domain/framework';
import { signedIn } from '../authorisation';
import type { HandlerContext } from '../context';
import type { HandlersFor } from '../registry';
import { findFramework, insertFramework, insertRevision, listFrameworks } from './repo';

function mustFind(ctx: HandlerContext, id: string) {
  const found = findFramework(ctx.db, id);
  if (!found) throw new ApiError('NOT_FOUND', 'There is no such framework.');
  return found;
}

function parseFrameworkJson(json: string) {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ApiError('INVALID_PARAMS', 'The file is not valid JSON, so it cannot be a capability framework.');
  }
  return frameworkToSave(data, 'The file is not a valid capability framework');
}

/** The framework as it may be saved (FrameworkToSaveSchema), or a refusal listing its first problems. */
function frameworkToSave(data: unknown, refusal: string): Framework {
  const parsed = FrameworkToSaveSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = issuesFromZod(parsed.error);
  throw new ApiError(
    'INVALID_PARAMS',
    `${refusal}: ${issues.slice(0, 5).map((i) => `${i.path || 'file'}: ${i.message}`).join('; ')}`,
    issues,
  );
}

const fileNameFor = (name: string, revision: number) =>
  `${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'framework'}-r${revision}.framework.json`;

export const frameworkHandlers: HandlersFor<typeof frameworkMethods> = {
  'frameworks.list': { auth: signedIn, run: (ctx) => listFrameworks(ctx.db).map((f) => f.summary) },
  'frameworks.get': { auth: signedIn, run: (ctx, { frameworkId }) => mustFind(ctx, frameworkId) },
  'frameworks.import': {
    auth: signedIn,
    run(ctx, { json }) {
      const framework = parseFrameworkJson(json);
      const id = ctx.newId();
      insertFramework(ctx.db, { id, framework, builtIn: false, at: ctx.now(), by: ctx.actor!.id });
      return mustFind(ctx, id).summary;
    },
  },
  'frameworks.export': {
    auth: signedIn,
    run(ctx, { frameworkId }) {
      const { summary, framework } = mustFind(ctx, frameworkId);
      return { fileName: fileNameFor(summary.name, summary.revision), json: `${JSON.stringify(framework, null, 2)}\n` };
    },
  },
  'frameworks.duplicate': {
    auth: signedIn,
    run(ctx, { frameworkId, name }) {
      const { framework } = mustFind(ctx, frameworkId);
      const id = ctx.newId();
      insertFramework(ctx.db, { id, framework: { ...framework, name }, builtIn: false, at: ctx.now(), by: ctx.actor!.id });
      return mustFind(ctx, id).summary;
    },
  },
  'frameworks.saveRevision': {
    auth: signedIn,
    run(ctx, { frameworkId, basedOnRevision, framework }) {
      const { summary } = mustFind(ctx, frameworkId);
      if (summary.builtIn) throw new ApiError('RULE_VIOLATION', 'A built-in framework cannot be edited. Duplicate it and edit the copy.');
      if (basedOnRevision !== summary.revision) {
        throw new ApiError('CONFLICT', `This framework was changed since you opened it (now revision ${summary.revision}). Reopen it and edit again.`);
      }
      const checked = frameworkToSave(framework, 'The framework was not saved');
      insertRevision(ctx.db, { frameworkId, revision: summary.revision + 1, framework: checked, at: ctx.now(), by: ctx.actor!.id });
      return mustFind(ctx, frameworkId).summary;
    },
  },
};
