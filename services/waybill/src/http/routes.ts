import { PartyId, text } from '@railbill/contracts';
import { type App, EmptyBody, type ServiceDeps } from '@railbill/platform';
import { z } from 'zod';
import type { Sealer } from '../history/seal.ts';
import type { BillRoutes } from './actions.ts';
import { amendWaybill } from './routes/amend-waybill.ts';
import { getHistory } from './routes/get-history.ts';
import { instructionRoutes } from './routes/instructions.ts';
import { issueWaybill } from './routes/issue-waybill.ts';
import { listWaybills } from './routes/list-waybills.ts';
import { recordMilestone } from './routes/record-milestone.ts';
import { requestAmendment } from './routes/request-amendment.ts';
import { submitWaybill } from './routes/submit-waybill.ts';
import { NumberedParams, Reason } from './schemas.ts';

/** The service's dependencies, the bill's handler bound to HTTP (`actions.ts`) and the carriers' keys. */
export type RouteDeps = ServiceDeps & BillRoutes & Readonly<{ seal: Sealer }>;

const OptionalReason = z.strictObject({ reason: text(500, { trim: false }).optional() });
const ToParty = z.strictObject({ to: PartyId });
/** `{ to }` for a special endorsement, `{ blank: true }` for a blank one (docs/title.md). */
const EndorseBody = z.union([ToParty, z.strictObject({ blank: z.literal(true) })]);

/**
 * Every waybill endpoint (docs/architecture.md §2, docs/contract.md §3, docs/title.md): a short action is one entry here
 * (its body, and the facts its context carries, make the command); a longer one has its own file in `routes/`.
 */
export const registerRoutes = (app: App, deps: RouteDeps): void => {
  const { action, parties } = deps;
  submitWaybill(deps);
  deps.read('Read a bill: state, holder, legs, clearance and credit status');
  listWaybills(deps);
  getHistory(app, deps);
  issueWaybill(deps);
  amendWaybill(deps);
  requestAmendment(deps);
  recordMilestone(deps);
  instructionRoutes(app, deps);
  action({
    path: 'amendment-requests/:n/reject',
    summary: "Reject a holder's amendment request (carrier)",
    params: NumberedParams,
    body: OptionalReason,
    command: (body, { act }, { n }) => ({ type: 'rejectAmendmentRequest', ...act, n, reason: body.reason }),
  });
  // title (docs/title.md): endorsement, transfer, rejection of receipt, pledge
  action({
    path: 'endorse',
    summary: 'Endorse a negotiable bill specially ({to}) or in blank ({blank: true}) (entitled holder only)',
    body: EndorseBody,
    command: (body, { act }) =>
      'to' in body
        ? { type: 'endorse', ...act, to: body.to, toRole: parties.roleOf(body.to) }
        : { type: 'endorse', ...act, blank: true },
  });
  action({
    path: 'transfer',
    summary: 'Transfer control of a negotiable bill without endorsing it (holder)',
    body: ToParty,
    command: ({ to }, { act }) => ({ type: 'transfer', ...act, to, toRole: parties.roleOf(to) }),
  });
  action({
    path: 'reject',
    summary: 'Refuse the last title act by which the caller received the bill (its receiver)',
    body: Reason,
    command: ({ reason }, { act }) => ({ type: 'rejectReceipt', ...act, reason }),
  });
  action({
    path: 'pledge',
    summary: 'Pledge the bill to a bank as security (entitled holder)',
    body: ToParty,
    command: ({ to }, { act }) => ({ type: 'pledge', ...act, to, toRole: parties.roleOf(to) }),
  });
  action({
    path: 'pledge/release',
    summary: 'Release the pledge: control returns to the pledgor (pledgee)',
    body: EmptyBody,
    command: (_body, { act }) => ({ type: 'releasePledge', ...act }),
  });
  action({
    path: 'pledge/enforce',
    summary: "Enforce the pledge on the pledgor's default: the pledgee takes title (pledgee)",
    body: Reason,
    command: ({ reason }, { act }) => ({ type: 'enforcePledge', ...act, reason }),
  });
  // the end of the journey (docs/contract.md §3): surrender and delivery wait for import release
  for (const [type, summary] of [
    [
      'surrender',
      'Surrender a negotiable bill (current holder) after the last leg arrived and import customs released',
    ],
    ['deliver', 'Deliver the goods (carrier): a bill of lading after surrender; a straight waybill to its consignee'],
  ] as const)
    action({
      path: type,
      summary,
      body: EmptyBody,
      command: async (_body, { act, clearance }) => ({
        type,
        ...act,
        importReleased: (await clearance()).import === 'released',
      }),
    });
  action({
    path: 'void',
    summary: 'Void a bill before issue (shipper)',
    body: OptionalReason,
    command: ({ reason }, { act }) => ({ type: 'void', ...act, reason }),
  });
};
