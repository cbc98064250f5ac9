import { useEffect, useState, type ChangeEvent } from 'react';
import { MAX_FRAMEWORK_JSON_BYTES } from '../../../../shared/api/frameworks';
import { ErrorSummary, LoadError, SavedNotice } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import type { ActionResult } from '../../stores/attempt';
import { useFrameworks } from '../../stores/frameworks';
import { useNavigation } from '../../stores/navigation';
import { downloadText } from '../../files/download';

export function FrameworkLibraryScreen() {
  const { list, listError, loadList, importJson, exportJson, duplicate, drafts } = useFrameworks();
  const go = useNavigation((s) => s.go);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void loadList();
  }, [loadList]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FRAMEWORK_JSON_BYTES) {
      setResult({ ok: false, message: `“${file.name}” is larger than 2 MB, so it is not a framework file; nothing was imported.`, issues: [] });
      return;
    }
    const r = await importJson(await file.text());
    setResult(r.ok ? null : { ...r, message: `“${file.name}” was not imported. ${r.message}` });
    setNotice(r.ok ? `Imported “${file.name}”.` : null);
  };
  const onExport = async (id: string) => {
    const exported = await exportJson(id);
    if ('error' in exported) return setResult({ ok: false, message: exported.error, issues: [] });
    downloadText(exported.fileName, exported.json);
    setNotice(`Exported ${exported.fileName}.`);
  };
  const onDuplicate = async (id: string, name: string) => {
    const r = await duplicate(id, `${name} (copy)`);
    setResult(r);
    if (r.ok && r.id) go({ name: 'framework', frameworkId: r.id });
  };

  return (
    <>
      <PageHeading>Capability frameworks</PageHeading>
      <p>
        Frameworks set out capability areas, guidance questions and, for each stage, the evidence indicators. An evaluation takes a frozen copy of one
        when it is created. Built-in frameworks cannot be edited; duplicate one to author your own.
      </p>
      <ErrorSummary result={result} />
      <LoadError message={listError} />
      <table>
        <caption className="visually-hidden">Frameworks in this installation</caption>
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Shape</th>
            <th scope="col">Revision</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {list.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {f.name}
                {f.builtIn && <span className="tag">Built-in</span>}
                {drafts[f.id]?.basedOnRevision === f.revision && <span className="tag">Unsaved changes</span>}
              </th>
              <td>
                {f.areaCount} areas × {f.stageCount} stages
              </td>
              <td>
                {f.revision}
                {f.updatedBy ? `, by ${f.updatedBy}` : ''}
              </td>
              <td className="button-group">
                <button type="button" className="button-secondary" onClick={() => go({ name: 'framework', frameworkId: f.id })}>
                  {f.builtIn ? 'View' : 'Edit'}
                  <span className="visually-hidden"> {f.name}</span>
                </button>
                <button type="button" className="button-secondary" onClick={() => onDuplicate(f.id, f.name)}>
                  Duplicate<span className="visually-hidden"> {f.name}</span>
                </button>
                <button type="button" className="button-secondary" onClick={() => onExport(f.id)}>
                  Export JSON<span className="visually-hidden"> of {f.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import a framework</h2>
        <div className="field">
          <label htmlFor="framework-file">Framework file (JSON, at most 2 MB)</label>
          <input id="framework-file" type="file" accept="application/json,.json" onChange={onFile} />
        </div>
      </section>
      <SavedNotice message={notice} />
    </>
  );
}
