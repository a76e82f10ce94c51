import type { WaybillEvent } from '@railbill/contracts';
import { type ActionRoutes, type App, actionRoutes, type Party, partyOf } from '@railbill/platform';
import type { BillFacts, BillHandler } from '../bill-handler.ts';
import type { Actor, Command } from '../domain/commands.ts';
import type { Bill } from '../domain/state.ts';
import type { LoadedBill } from '../store/repository.ts';
import { WaybillIdParams, WaybillView } from './schemas.ts';

/** What a route's command builder gets: the clock reading, the bill as loaded, the caller and the facts. */
export type ActionContext = BillFacts &
  Readonly<{ at: string; loaded: LoadedBill; by: Actor; act: Readonly<{ by: Actor; at: string }> }>;

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
    context: ({ at, loaded, facts }, party) => {
      const by = { id: party.id, role: party.role };
      return { ...facts, at, loaded, by, act: { by, at } };
    },
  });
