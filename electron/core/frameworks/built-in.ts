import merton from '../../../resources/frameworks/merton-ics-2020.json';
import { FrameworkToSaveSchema, type Framework } from '../../../shared/domain/framework';
import type { Db } from '../db/open';
import { findFramework, insertFramework, insertRevision } from './repo';

/** Bundled into the core so that every host (Node, Electron, packaged) finds the same frameworks. */
export const BUILT_IN_FRAMEWORKS: readonly Framework[] = [FrameworkToSaveSchema.parse(merton)];

const builtInRecordId = (key: string) => `builtin-${key}`;

/** Installs the bundled frameworks, adding a revision when a newer app ships a changed one. */
export function installBuiltInFrameworks(db: Db, now: string): void {
  db.transaction(() => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      const id = builtInRecordId(framework.id);
      const stored = findFramework(db, id);
      if (!stored) insertFramework(db, { id, framework, builtIn: true, at: now, by: null });
      else if (JSON.stringify(stored.framework) !== JSON.stringify(framework)) {
        insertRevision(db, { frameworkId: id, revision: stored.summary.revision + 1, framework, at: now, by: null });
      }
    }
  }).immediate();
}
