import type { App, ServiceDeps } from '@railbill/platform';
import { EmptyBody } from '@railbill/platform';
import type { CreditRoutes } from './actions.ts';
import { getMessages } from './routes/get-messages.ts';
import { getMt700 } from './routes/get-mt700.ts';
import { issueCredit } from './routes/issue-credit.ts';
import { listCredits } from './routes/list-credits.ts';
import { presentDocuments } from './routes/present-documents.ts';
import { proposeAmendment } from './routes/propose-amendment.ts';
import { refusePresentation } from './routes/refuse-presentation.ts';

export type RouteDeps = ServiceDeps & CreditRoutes;

/**
 * Every letter-of-credit endpoint (docs/architecture.md §2, docs/contract.md §4): an action with no body, whose command
 * is its path's parameters and the act (with a fact of the context at most), is one entry here; an action with a
 * body, and a read of its own, has its own file in `routes/`.
 */
export const registerRoutes = (app: App, deps: RouteDeps): void => {
  const { action, amendmentAct, presentationAct } = deps;
  issueCredit(deps);
  deps.read('Read a credit: terms in force, amendments, presentations');
  listCredits(deps);
  getMt700(app, deps);
  getMessages(app, deps);
  action({
    path: 'advise',
    summary: 'Advise the credit to the beneficiary (advising bank)',
    body: EmptyBody,
    command: (_body, { act }) => ({ type: 'advise', ...act }),
  });
  proposeAmendment(deps);
  // UCP 10: the beneficiary answers a proposed amendment; 200 with the amendment
  amendmentAct('accept', 'Accept a proposed amendment (beneficiary)', ({ act }, n) => ({
    type: 'acceptAmendment',
    ...act,
    n,
  }));
  amendmentAct('reject', 'Reject a proposed amendment (beneficiary)', ({ act }, n) => ({
    type: 'rejectAmendment',
    ...act,
    n,
  }));
  presentDocuments(deps);
  // UCP 16(b): the applicant waives the discrepancies
  presentationAct('waive', 'Waive the discrepancies of a presentation (applicant)', ({ act }, p) => ({
    type: 'waive',
    ...act,
    presentationId: p,
  }));
  // UCP 15: a bank of the credit honours; its own calendar gives a maturity date (an operator's write is refused)
  presentationAct('honour', 'Honour a complying or waived presentation (issuing or nominated bank)', (c, p) => ({
    type: 'honour',
    ...c.act,
    presentationId: p,
    calendar: c.calendar(c.credit, c.act.by.role === 'bank' ? c.act.by.id : undefined),
  }));
  refusePresentation(deps);
  // the issuing bank pays; the bill is then released to the applicant (docs/title.md)
  presentationAct('pay', 'Pay an honoured presentation (issuing bank)', ({ act }, p) => ({
    type: 'pay',
    ...act,
    presentationId: p,
  }));
  // the nominated bank sends the documents on to the issuing bank (docs/title.md)
  presentationAct(
    'forward',
    'Forward the documents of an honoured presentation to the issuing bank (nominated bank)',
    ({ act }, p) => ({
      type: 'forward',
      ...act,
      presentationId: p,
    }),
  );
};
