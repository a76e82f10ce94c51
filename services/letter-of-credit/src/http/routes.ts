import type { App, ServiceDeps } from '@railbill/platform';
import type { HandleDeps } from '../handle.ts';
import { acceptAmendment } from './routes/accept-amendment.ts';
import { adviseCredit } from './routes/advise-credit.ts';
import { forwardPresentation } from './routes/forward-presentation.ts';
import { getCredit } from './routes/get-credit.ts';
import { getMessages } from './routes/get-messages.ts';
import { getMt700 } from './routes/get-mt700.ts';
import { honourPresentation } from './routes/honour-presentation.ts';
import { issueCredit } from './routes/issue-credit.ts';
import { listCredits } from './routes/list-credits.ts';
import { payPresentation } from './routes/pay-presentation.ts';
import { presentDocuments } from './routes/present-documents.ts';
import { proposeAmendment } from './routes/propose-amendment.ts';
import { refusePresentation } from './routes/refuse-presentation.ts';
import { rejectAmendment } from './routes/reject-amendment.ts';
import { waiveDiscrepancies } from './routes/waive-discrepancies.ts';

export type RouteDeps = ServiceDeps & Readonly<{ handle: HandleDeps }>;

/** Every letter-of-credit endpoint, one file per action (docs/architecture.md §2, docs/contract.md §4). */
export const registerRoutes = (app: App, deps: RouteDeps): void => {
  issueCredit(app, deps);
  getCredit(app, deps);
  listCredits(app, deps);
  getMt700(app, deps);
  getMessages(app, deps);
  adviseCredit(app, deps);
  proposeAmendment(app, deps);
  acceptAmendment(app, deps);
  rejectAmendment(app, deps);
  presentDocuments(app, deps);
  waiveDiscrepancies(app, deps);
  honourPresentation(app, deps);
  refusePresentation(app, deps);
  payPresentation(app, deps);
  forwardPresentation(app, deps);
};
