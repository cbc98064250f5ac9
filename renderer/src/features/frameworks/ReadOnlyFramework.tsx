import { useState } from 'react';
import type { FrameworkSummary } from '../../../../shared/api/frameworks';
import type { Framework } from '../../../../shared/domain/framework';
import { ErrorSummary } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import type { ActionResult } from '../../stores/attempt';
import { useFrameworks } from '../../stores/frameworks';
import { useNavigation } from '../../stores/navigation';
import { IndicatorList } from '../setup/FrameworkTab';

/** A built-in framework, shown as published; it is edited only as a copy. */
export function ReadOnlyFramework({ summary, framework }: { summary: FrameworkSummary; framework: Framework }) {
  const duplicate = useFrameworks((s) => s.duplicate);
  const go = useNavigation((s) => s.go);
  const [result, setResult] = useState<ActionResult | null>(null);
  const duplicateToEdit = async () => {
    const r = await duplicate(summary.id, `${summary.name} (copy)`);
    setResult(r);
    if (r.ok && r.id) go({ name: 'framework', frameworkId: r.id });
  };
  return (
    <>
      <PageHeading caption="Built-in capability framework">{summary.name}</PageHeading>
      <ErrorSummary result={result} />
      <div className="panel-box">
        <p>This is a built-in framework, so it cannot be edited: it stays exactly as published. To change it, duplicate it and edit the copy.</p>
        <button type="button" onClick={duplicateToEdit}>
          Duplicate to edit<span className="visually-hidden"> {summary.name}</span>
        </button>
      </div>
      {framework.source && <p className="hint">Source: {framework.source}</p>}
      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading">Stages</h2>
        <ol>
          {framework.stages.map((stage) => (
            <li key={stage.id}>
              {stage.label}
              {stage.horizon && <span className="hint"> ({stage.horizon})</span>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading">Capability areas</h2>
        {framework.areas.map((area, i) => (
          <section key={area.id} className="framework-area" aria-labelledby={`area-${area.id}-heading`}>
            <h3 id={`area-${area.id}-heading`}>
              {i + 1}. {area.title}
            </h3>
            <h4>Guidance questions</h4>
            {area.questions.length === 0 ? (
              <p className="hint">No guidance questions.</p>
            ) : (
              <ol>
                {area.questions.map((q, j) => (
                  <li key={j}>{q}</li>
                ))}
              </ol>
            )}
            {framework.stages.map((stage) => (
              <div key={stage.id}>
                <h4>Evidence indicators under {stage.label}</h4>
                <IndicatorList items={area.indicators[stage.id] ?? []} />
              </div>
            ))}
          </section>
        ))}
      </section>
    </>
  );
}
