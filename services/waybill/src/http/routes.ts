import type { App, ServiceDeps } from '@railbill/platform';
import type { Sealer } from '../history/seal.ts';
import type { BillAction, BillCreate } from './actions.ts';
import { amendWaybill } from './routes/amend-waybill.ts';
import { deliverWaybill } from './routes/deliver-waybill.ts';
import { endorseWaybill } from './routes/endorse-waybill.ts';
import { getHistory } from './routes/get-history.ts';
import { getWaybill } from './routes/get-waybill.ts';
import { instructionRoutes } from './routes/instructions.ts';
import { issueWaybill } from './routes/issue-waybill.ts';
import { listWaybills } from './routes/list-waybills.ts';
import { pledgeRoutes } from './routes/pledge-waybill.ts';
import { recordMilestone } from './routes/record-milestone.ts';
import { rejectAmendmentRequest } from './routes/reject-amendment-request.ts';
import { rejectReceiptRoute } from './routes/reject-receipt.ts';
import { requestAmendment } from './routes/request-amendment.ts';
import { submitWaybill } from './routes/submit-waybill.ts';
import { surrenderWaybill } from './routes/surrender-waybill.ts';
import { transferWaybill } from './routes/transfer-waybill.ts';
import { voidWaybill } from './routes/void-waybill.ts';

/** The service's dependencies, the bill's handler bound to HTTP (`actions.ts`) and the carriers' keys. */
export type RouteDeps = ServiceDeps & Readonly<{ action: BillAction; create: BillCreate; seal: Sealer }>;

/** Every waybill endpoint, one file per action (docs/architecture.md §2). */
export const registerRoutes = (app: App, deps: RouteDeps): void => {
  submitWaybill(deps);
  getWaybill(app, deps);
  listWaybills(app, deps);
  getHistory(app, deps);
  issueWaybill(app, deps);
  endorseWaybill(app, deps);
  transferWaybill(app, deps);
  rejectReceiptRoute(app, deps);
  pledgeRoutes(app, deps);
  instructionRoutes(app, deps);
  recordMilestone(app, deps);
  amendWaybill(app, deps);
  requestAmendment(app, deps);
  rejectAmendmentRequest(app, deps);
  surrenderWaybill(app, deps);
  deliverWaybill(app, deps);
  voidWaybill(app, deps);
};
