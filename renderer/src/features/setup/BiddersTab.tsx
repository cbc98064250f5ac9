import { useState, type FormEvent } from 'react';
import { MEMBER_ROLE_LABELS, type Bidder, type ConsortiumMember, type EvaluationDetail, type MemberRole } from '../../../../shared/api/evaluations';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { SelectField, TextArea, TextField } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import { useEvaluations } from '../../stores/evaluations';
import { TabHeading } from './TabHeading';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function BiddersTab({ evaluation, canEdit }: { evaluation: EvaluationDetail; canEdit: boolean }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <>
      <TabHeading>Bidders</TabHeading>
      <p>Each bidder is a tender from a lead organisation, often with consortium partners and named subcontractors. Conflicts of interest are declared against each.</p>
      <ErrorSummary result={result} />
      {evaluation.bidders.length === 0 && <p>No bidders yet.</p>}
      {evaluation.bidders.map((b) => (
        <BidderCard key={b.id} bidder={b} evaluationId={evaluation.id} canEdit={canEdit} onResult={setResult} />
      ))}
      {canEdit && <AddBidder evaluationId={evaluation.id} onResult={setResult} />}
      <SavedNotice message={result?.ok ? 'Bidders updated.' : null} />
    </>
  );
}

function BidderCard({ bidder, evaluationId, canEdit, onResult }: { bidder: Bidder; evaluationId: string; canEdit: boolean; onResult(r: ActionResult): void }) {
  const change = useEvaluations((s) => s.change);
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<MemberRole>('partner');
  const addMember = async (event: FormEvent) => {
    event.preventDefault();
    const r = await change('bidders.addMember', { evaluationId, bidderId: bidder.id, member: { organisation, role } });
    if (r.ok) setOrganisation('');
    onResult(r);
  };
  const headingId = `bidder-${bidder.id}`;
  return (
    <section className="bidder-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {bidder.name} {bidder.reference && <span className="hint">({bidder.reference})</span>}
      </h3>
      <table>
        <caption className="visually-hidden">Consortium members of {bidder.name}</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Role in the bid</th>
            {canEdit && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {bidder.members.map((m) => (
            <MemberRow key={m.id} member={m} bidderId={bidder.id} evaluationId={evaluationId} canEdit={canEdit} onResult={onResult} />
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form onSubmit={addMember} className="inline-form">
          <TextField label={`Add a member to ${bidder.name}`} value={organisation} onChange={(e) => setOrganisation(e.target.value)} required />
          <SelectField label="Member role" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            <option value="partner">{MEMBER_ROLE_LABELS.partner}</option>
            <option value="subcontractor">{MEMBER_ROLE_LABELS.subcontractor}</option>
          </SelectField>
          <button type="submit">Add member</button>
        </form>
      )}
    </section>
  );
}

function MemberRow(props: { member: ConsortiumMember; bidderId: string; evaluationId: string; canEdit: boolean; onResult(r: ActionResult): void }) {
  const { member, bidderId, evaluationId, canEdit, onResult } = props;
  const change = useEvaluations((s) => s.change);
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    onResult(await change('bidders.removeMember', { evaluationId, bidderId, memberId: member.id, reason }));
  };
  return (
    <tr>
      <th scope="row">{member.organisation}</th>
      <td>{MEMBER_ROLE_LABELS[member.role]}</td>
      {canEdit && (
        <td>
          {member.role === 'lead' ? null : removing ? (
            <form onSubmit={remove} className="inline-form">
              <TextField label={`Reason for removing ${member.organisation}`} value={reason} onChange={(e) => setReason(e.target.value)} required />
              <button type="submit">Remove member</button>
              <button type="button" className="button-secondary" onClick={() => setRemoving(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setRemoving(true)}>
              Remove<span className="visually-hidden"> {member.organisation}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function AddBidder({ evaluationId, onResult }: { evaluationId: string; onResult(r: ActionResult): void }) {
  const change = useEvaluations((s) => s.change);
  const [name, setName] = useState('');
  const [reference, setReference] = useState('');
  const [lead, setLead] = useState('');
  const [partners, setPartners] = useState('');
  const [subcontractors, setSubcontractors] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const members: { organisation: string; role: MemberRole }[] = [
      { organisation: lead, role: 'lead' },
      ...lines(partners).map((organisation) => ({ organisation, role: 'partner' as const })),
      ...lines(subcontractors).map((organisation) => ({ organisation, role: 'subcontractor' as const })),
    ];
    const r = await change('bidders.add', { evaluationId, name, reference, members });
    if (r.ok) {
      setName('');
      setReference('');
      setLead('');
      setPartners('');
      setSubcontractors('');
    }
    onResult(r);
  };

  return (
    <section aria-labelledby="add-bidder-heading">
      <h3 id="add-bidder-heading">Add a bidder</h3>
      <form onSubmit={add}>
        <TextField label="Bidder (tender) name" value={name} onChange={(e) => setName(e.target.value)} required />
        <TextField label="Bid reference (optional)" value={reference} onChange={(e) => setReference(e.target.value)} />
        <TextField label="Lead organisation" value={lead} onChange={(e) => setLead(e.target.value)} required />
        <TextArea label="Consortium partners" hint="One organisation per line." rows={3} value={partners} onChange={(e) => setPartners(e.target.value)} />
        <TextArea label="Named subcontractors" hint="One organisation per line." rows={2} value={subcontractors} onChange={(e) => setSubcontractors(e.target.value)} />
        <button type="submit">Add bidder</button>
      </form>
    </section>
  );
}
