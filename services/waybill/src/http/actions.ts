import type { WaybillEvent } from '@railbill/contracts';
import { type ActionRoutes, type App, actionRoutes, type Party, partyOf } from '@railbill/platform';
import type { BillFacts, BillHandler } from '../bill-handler.ts';
import type { Actor, Command } from '../domain/commands.ts';
import type { Bill } from '../domain/state.ts';
import type { LoadedBill } from '../store/repository.ts';
import { WaybillIdParams, WaybillView } from './schemas.ts';

/** Who acts and when: what every bill command carries. */
export type Act = Readonly<{ by: Actor; at: string }>;

/** What a route's command builder gets: the act (the caller, the clock reading), the bill as loaded and the facts. */
export type ActionContext = BillFacts & Readonly<{ act: Act; loaded: LoadedBill }>;

export type BillRoutes = ActionRoutes<
  Bill,
  Command,
  WaybillEvent,
  LoadedBill,
  BillFacts,
  Party,
  ActionContext,
  WaybillView
>;

/** The bill's handler bound to HTTP (packages/platform/src/http/actions.ts). */
export const billActions = (app: App, handler: BillHandler): BillRoutes =>
  actionRoutes(app, handler, {
    collection: '/waybills',
    tag: 'waybills',
    params: WaybillIdParams,
    view: WaybillView,
    callerOf: partyOf,
    context: ({ at, loaded, facts }, party) => ({
      ...facts,
      act: { by: { id: party.id, role: party.role }, at },
      loaded,
    }),
  });
