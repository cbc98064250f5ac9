/**
 * Short, clearly fictional responses per capability area for the demo bidders (keyed by bid reference,
 * then capability area id), so a newcomer has something to score. No real organisation is described.
 */
export const DEMO_RESPONSES: Record<string, Record<string, string>> = {
  'BID-001': {
    'governance-and-leadership':
      'Our fictional alliance is governed by a joint board of the four member organisations, chaired independently and meeting monthly in public. ' +
      'A single accountable officer reports to the board on the outcomes framework. ' +
      'Each partner has signed a memorandum setting out decision rights and how disagreements are escalated.',
    'transformation-change':
      'We will co-design service models with residents through six neighbourhood workshops in the first year. ' +
      'A shared programme office tracks each change against agreed measures, and we name staff turnover and data sharing as the main risks, with mitigations for both.',
    'culture-change-continuous-improvement':
      'Staff from all partners will train together in a common improvement method, and every team runs a monthly improvement huddle. ' +
      'Carers from our charity partner sit on our improvement panel, and we publish what we changed in response to feedback every quarter.',
    'managing-resources':
      'We will pool community equipment budgets and share estates, closing two under-used clinic sites by year two. ' +
      'Our fleet moves to electric vehicles over three years, and we commit to at least 30% of spend with local suppliers and voluntary groups.',
  },
  'BID-002': {
    'governance-and-leadership':
      'The fictional partnership is led by the lead trust under a contract with its partners, with a partnership committee that advises the trust board. ' +
      'Clinical leadership sits with a joint medical and nursing director post. We plan to review these arrangements after the first year.',
    'transformation-change':
      'We propose a phased move to integrated locality teams, starting with one pilot locality. ' +
      'Commissioners would join a quarterly review of progress. Our digital subcontractor will provide a shared care record by the end of year one.',
    'culture-change-continuous-improvement':
      'We will survey staff and residents annually and act on the results through our existing quality improvement team. ' +
      'A community interest company partner leads our engagement with residents in Raynes Park and neighbouring wards.',
    'managing-resources':
      'Savings come mainly from shared back-office functions and a single rota system. ' +
      'We will measure energy use across our sites and set reduction targets in the first six months.',
  },
};
