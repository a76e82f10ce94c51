import type { WaybillEvent } from '@railbill/contracts';
import {
  type ActionSpec,
  type Answer,
  type App,
  actionRoutes,
  type CreateSpec,
  type Party,
  partyOf,
} from '@railbill/platform';
import type { z } from 'zod';
import type { BillFacts, BillHandler } from '../bill-handler.ts';
import type { Actor, Command } from '../domain/commands.ts';
import type { Bill } from '../domain/state.ts';
import type { LoadedBill } from '../store/repository.ts';
import { WaybillIdParams, WaybillView } from './schemas.ts';

/** What a route's command builder gets: the clock reading, the bill as loaded, the caller and the facts. */
export type ActionContext = BillFacts &
  Readonly<{ at: string; loaded: LoadedBill; party: Party; by: Actor; act: Readonly<{ by: Actor; at: string }> }>;

type BillAnswer = Answer<Bill, WaybillEvent, LoadedBill, WaybillView>;

/** `POST /waybills/{id}/<path>` (docs/contract.md §8 "Answers"): 200 with the bill unless the route says otherwise. */
export type BillAction = <
  B extends z.ZodType,
  P extends z.ZodType<{ id: string }> = typeof WaybillIdParams,
  R extends z.ZodType = typeof WaybillView,
>(
  spec: ActionSpec<B, P, ActionContext, Command, BillAnswer, R>,
) => void;

export type BillCreate = <B extends z.ZodType>(spec: CreateSpec<B, ActionContext, Command>) => void;

/** The bill's handler bound to HTTP (packages/platform/src/http/actions.ts). */
export const billActions = (app: App, handler: BillHandler): Readonly<{ action: BillAction; create: BillCreate }> =>
  actionRoutes(app, handler, {
    collection: '/waybills',
    tag: 'waybills',
    params: WaybillIdParams,
    view: WaybillView,
    callerOf: partyOf,
    context: ({ at, loaded, facts }, party) => {
      const by = { id: party.id, role: party.role };
      return { ...facts, at, loaded, party, by, act: { by, at } };
    },
  });
