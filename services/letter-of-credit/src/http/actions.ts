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
} from '@railbill/platform';
import type { z } from 'zod';
import type { CreditFacts, CreditHandler } from '../credit-handler.ts';
import type { Actor, Command, Roles } from '../domain/commands.ts';
import type { Credit } from '../domain/state.ts';
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
  Readonly<{
    act: Act;
    party: Party;
    credit: Credit;
    /** The roles the parties file gives the named parties (the domain checks a bank is a bank, docs/contract.md §2). */
    roles: (ids: readonly (string | undefined)[]) => Roles;
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

/** An action on a part of the credit with no body: `(path, summary, command from the context and the part's key)`. */
type PartAct<K> = (path: string, summary: string, command: (ctx: ActionContext, key: K) => Command) => void;

export type CreditRoutes = CreditRoutesBase &
  Readonly<{
    /** `POST /credits/{id}/presentations/{p}/<path>` with no body, answering the presentation. */
    presentationAct: PartAct<string>;
    /** `POST /credits/{id}/amendments/{n}/<path>` with no body, answering the amendment. */
    amendmentAct: PartAct<number>;
  }>;

/** The credit's handler bound to HTTP (packages/platform/src/http/actions.ts). */
export const creditActions = (app: App, handler: CreditHandler, parties: Parties): CreditRoutes => {
  const routes = actionRoutes(app, handler, {
    collection: '/credits',
    tag: 'credits',
    params: CreditIdParams,
    view: CreditView,
    callerOf: partyOf,
    context: ({ at, loaded, facts }, party): ActionContext => {
      const act: Act = { by: { id: party.id, role: party.role }, at, today: facts.today };
      return {
        ...facts,
        act,
        party,
        get credit(): Credit {
          if (loaded.state.status === 'initial') throw notFound();
          return loaded.state;
        },
        roles: (ids) => Object.fromEntries(ids.flatMap((id) => (id === undefined ? [] : [[id, parties.roleOf(id)]]))),
      };
    },
  });
  /** `POST /credits/{id}/<part>/<path>` answering the part: `keyOf` reads its key from the path. */
  const partAct =
    <P extends z.ZodType<{ id: string }>, K, R extends z.ZodType>(
      part: string,
      params: P,
      keyOf: (params: z.output<P>) => K,
      response: R,
      view: (credit: Credit, key: K) => z.output<R>,
    ): PartAct<K> =>
    (path, summary, command) =>
      routes.action({
        path: `${part}/${path}`,
        summary,
        params,
        body: EmptyBody,
        response,
        command: (_body, ctx, p) => command(ctx, keyOf(p)),
        reply: ({ handled }, p) => view(handled.state, keyOf(p)),
      });
  return {
    ...routes,
    presentationAct: partAct('presentations/:p', PresentationParams, ({ p }) => p, PresentationView, presentationOf),
    amendmentAct: partAct('amendments/:n', AmendmentParams, ({ n }) => n, AmendmentView, amendmentOf),
  };
};
