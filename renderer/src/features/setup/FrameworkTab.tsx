import type { Framework, Indicator } from '../../../../shared/domain/framework';
import { TabHeading } from './TabHeading';

/** The frozen copy the evaluation scores against, exactly as bidders were told. */
export function FrameworkTab({ framework }: { framework: Framework }) {
  return (
    <>
      <TabHeading>Capability framework</TabHeading>
      <p>
        {framework.name}. This copy is frozen into the evaluation; later edits to the library framework do not change it.
      </p>
      {framework.areas.map((area, i) => (
        <section key={area.id} className="framework-area" aria-labelledby={`area-${area.id}`}>
          <h3 id={`area-${area.id}`}>
            {i + 1}. {area.title}
          </h3>
          {area.questions.length > 0 && (
            <>
              <h4>Guidance questions</h4>
              <ul>
                {area.questions.map((q, j) => (
                  <li key={j}>{q}</li>
                ))}
              </ul>
            </>
          )}
          {framework.stages.map((stage) => (
            <div key={stage.id}>
              <h4>
                {stage.label} <span className="hint">({stage.horizon})</span>
              </h4>
              <IndicatorList items={area.indicators[stage.id] ?? []} />
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export function IndicatorList({ items }: { items: Indicator[] }) {
  if (items.length === 0) return <p className="hint">No evidence indicators.</p>;
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          {item.text}
          {item.children.length > 0 && <IndicatorList items={item.children} />}
        </li>
      ))}
    </ul>
  );
}
