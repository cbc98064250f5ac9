import { useNavigation } from '../../stores/navigation';

/** Back from one bidder's board to the list of bidders. */
export function BackToBidders({ evaluationId }: { evaluationId: string }) {
  const go = useNavigation((s) => s.go);
  return (
    <p>
      <button type="button" className="link" onClick={() => go({ name: 'evaluation', evaluationId, tab: 'moderation' })}>
        All bidders
      </button>
    </p>
  );
}
