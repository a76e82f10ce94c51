import type { LcEvent } from '@railbill/contracts';
import {
  type ActionRoutes,
  type App,
  actionRoutes,
  EmptyBody,
  notFound,
  type Parties,
  type Party,
  partyOf,
  Rejected,
} from '@railbill/platform';
import type { CreditFacts, CreditHandler } from '../credit-handler.ts';
import type { Actor, Command, Roles } from '../domain/commands.ts';
import type { Credit } from '../domain/state.ts';
import { examiningCalendar, UnknownCalendar } from '../store/calendars.ts';
import type { LoadedCredit } from '../store/repository.ts';
import {
  AmendmentParams,
  AmendmentView,
  CreditIdParams,
  CreditView,
  PresentationParams,
  PresentationView,
} from './schemas.ts';
import { amendmentOf, presentationOf } from './views.ts';

/** Who acts and when: what every credit command carries. */
export type Act = Readonly<{ by: Actor; at: string; today: string }>;

/** What a route's command builder gets: the act, the credit (404 while it does not exist), the caller and the facts. */
export type ActionContext = CreditFacts &
  Act &
  Readonly<{
    act: Act;
    party: Party;
    credit: Credit;
    /** The roles the parties file gives the named parties (the domain checks a bank is a bank, docs/contract.md §2). */
    roles: (ids: readonly (string | undefined)[]) => Roles;
    /** The calendar of the bank presented to (store/calendars.ts); a bank with none is a 422 naming it. */
    calendar: (credit: Credit, presentedTo?: string) => ReturnType<typeof examiningCalendar>;
  }>;

type CreditRoutesBase = ActionRoutes<
  Credit,
  Command,
  LcEvent,
  LoadedCredit,
  CreditFacts,
  Party,
  ActionContext,
  CreditView
>;

type Builder<P> = (ctx: ActionContext, param: P) => Command;
type Act1<P> = (path: string, summary: string, command: Builder<P>) => void;

export type CreditRoutes = CreditRoutesBase &
  Readonly<{
    /** `POST /credits/{id}/presentations/{p}/<path>` with no body, answering the presentation. */
    presentationAct: Act1<string>;
    /** `POST /credits/{id}/amendments/{n}/<path>` with no body, answering the amendment. */
    amendmentAct: Act1<number>;
  }>;

const calendarOf = (parties: Parties) => (credit: Credit, presentedTo?: string) => {
  try {
    return examiningCalendar(credit.terms, (id) => parties.byId(id), presentedTo);
  } catch (error) {
    if (error instanceof UnknownCalendar)
      throw new Rejected({ kind: 'rule', code: 'calendar-unknown', detail: error.message });
    throw error;
  }
};

/** The credit's handler bound to HTTP (packages/platform/src/http/actions.ts). */
export const creditActions = (app: App, handler: CreditHandler, parties: Parties): CreditRoutes => {
  const routes = actionRoutes(app, handler, {
    collection: '/credits',
    tag: 'credits',
    params: CreditIdParams,
    view: CreditView,
    callerOf: partyOf,
    context: ({ at, loaded, facts }, party): ActionContext => {
      const act = { by: { id: party.id, role: party.role }, at, today: facts.today };
      return {
        ...facts,
        ...act,
        act,
        party,
        get credit(): Credit {
          if (loaded.state.status === 'initial') throw notFound();
          return loaded.state;
        },
        roles: (ids) => Object.fromEntries(ids.flatMap((id) => (id === undefined ? [] : [[id, parties.roleOf(id)]]))),
        calendar: calendarOf(parties),
      };
    },
  });
  const { action } = routes;
  return {
    ...routes,
    presentationAct: (path, summary, command) =>
      action({
        path: `presentations/:p/${path}`,
        summary,
        params: PresentationParams,
        body: EmptyBody,
        response: PresentationView,
        command: (_body, ctx, { p }) => command(ctx, p),
        reply: ({ handled }, { p }) => presentationOf(handled.state, p),
      }),
    amendmentAct: (path, summary, command) =>
      action({
        path: `amendments/:n/${path}`,
        summary,
        params: AmendmentParams,
        body: EmptyBody,
        response: AmendmentView,
        command: (_body, ctx, { n }) => command(ctx, n),
        reply: ({ handled }, { n }) => amendmentOf(handled.state, n),
      }),
  };
};
