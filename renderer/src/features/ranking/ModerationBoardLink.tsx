import { useNavigation } from '../../stores/navigation';

/** Takes the panel from a result to the moderation board of the bidder it concerns; the bidder is named for screen readers. */
export function ModerationBoardLink({ evaluationId, bidderId, name }: { evaluationId: string; bidderId: string; name: string }) {
  const go = useNavigation((s) => s.go);
  return (
    <button type="button" className="link" onClick={() => go({ name: 'evaluation', evaluationId, tab: 'moderation', bidderId })}>
      Open the moderation board<span className="visually-hidden"> for {name}</span>
    </button>
  );
}
