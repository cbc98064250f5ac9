import { useEffect, useRef, useState } from 'react';
import type { Declaration } from '../../../../shared/api/conflicts';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/fields';
import { useConflicts } from '../../stores/conflicts';
import { TabHeading } from '../setup/TabHeading';
import './conflicts.css';
import { DecisionForm } from './DecisionForm';
import { RegisterTable } from './RegisterTable';

const ALL = '';

/** The procurement lead's register: every declaration ever made, with filters and decisions on conflicts. */
export function RegisterTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  const { register, registerError, loadRegister, evaluationId } = useConflicts();
  const [personId, setPersonId] = useState(ALL);
  const [bidderId, setBidderId] = useState(ALL);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    void loadRegister(evaluation.id);
  }, [loadRegister, evaluation.id]);

  const all = evaluationId === evaluation.id ? register : null;
  const people = [...new Map((all ?? []).map((d) => [d.personId, d.personName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = (all ?? []).filter((d) => (personId === ALL || d.personId === personId) && (bidderId === ALL || d.bidderId === bidderId));
  const awaiting = (all ?? []).filter((d) => d.kind !== 'none' && !d.supersededBy && d.mitigations.length === 0).length;
  const current = all?.find((d) => d.id === deciding);
  const done = (message: string | null) => {
    setDeciding(null);
    setNotice(message);
    noticeRef.current?.focus();
  };

  return (
    <>
      <TabHeading>Conflicts register</TabHeading>
      <p>
        Every declaration of the panel, superseded ones included: nothing on this register is ever changed or deleted. A declared conflict recuses the person
        from that bidder until you record a decision permitting them to take part; your latest decision counts.
      </p>
      <LoadError message={registerError} />
      <p className="saved-notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      {!all && !registerError && <p role="status">Loading the register…</p>}
      {all && (
        <>
          <p>
            {all.length} declarations; {awaiting === 1 ? '1 conflict awaits' : `${awaiting} conflicts await`} your decision.
          </p>
          <div className="register-filters">
            <SelectField label="Person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value={ALL}>Everyone</option>
              {people.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Bidder" value={bidderId} onChange={(e) => setBidderId(e.target.value)}>
              <option value={ALL}>Every bidder</option>
              {evaluation.bidders.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          </div>
          <RegisterTable declarations={shown} onDecide={(d: Declaration) => setDeciding(d.id)} />
          {current && <DecisionForm key={current.id} evaluationId={evaluation.id} declaration={current} onDone={done} />}
        </>
      )}
    </>
  );
}
