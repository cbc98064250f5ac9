import { useEffect } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { useExchange } from '../../stores/exchange';
import { TabHeading } from '../setup/TabHeading';
import { ImportReturns } from './ImportReturns';
import { MakePack } from './MakePack';
import { PackList } from './PackList';
import './exchange.css';

/** For the procurement lead and moderator: packs out to evaluators' own laptops, score returns back in. */
export function PacksTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { packs, packsError, loadPacks } = useExchange();
  useEffect(() => {
    void loadPacks(evaluation.id);
  }, [loadPacks, evaluation.id]);

  return (
    <>
      <TabHeading>Packs and returns</TabHeading>
      <p>
        An evaluator who scores on their own laptop gets an <strong>evaluator pack</strong>: one encrypted file with the capability framework, the
        scoring scale and the bids they have declared they are clear of — never anyone’s scores. They open it in this app, declare, score and seal as usual,
        and send back a <strong>score return</strong>, which is imported here. Any change to a return on the way is detected, and it is accepted only
        from a pack made here that has not been revoked.
      </p>
      {evaluation.status !== 'scoring' ? (
        <p>Open the evaluation for scoring first: a pack carries the published set-up, which is fixed from then on.</p>
      ) : (
        <>
          <MakePack evaluation={evaluation} />
          <ImportReturns evaluation={evaluation} />
        </>
      )}
      <LoadError message={packsError} />
      <PackList evaluation={evaluation} packs={packs} />
    </>
  );
}
