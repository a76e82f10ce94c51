import { type App, notFound, type Party, partyOf, problemResponses, Rejected, type Tx } from '@railbill/platform';
import type { z } from 'zod';
import type { Actor, Command, Roles } from '../domain/commands.ts';
import type { Credit } from '../domain/state.ts';
import { type Handled, handleIn } from '../handle.ts';
import { examiningCalendar, UnknownCalendar } from '../store/calendars.ts';
import type { RouteDeps } from './routes.ts';

/** What a command builder gets: the clock reading, the credit as loaded, the caller and the transaction. */
export type ActionContext = Readonly<{
  at: string;
  today: string;
  credit: Credit;
  party: Party;
  by: Actor;
  tx: Tx;
  deps: RouteDeps;
}>;

export type ActionSpec<B extends z.ZodType, P extends z.ZodType<{ id: string }>, R extends z.ZodType> = Readonly<{
  path: string;
  summary: string;
  body: B;
  params: P;
  /** 201 for a created sub-resource (amendment, presentation) with its `Location`, else 200. */
  created?: (handled: Handled, params: z.infer<P>) => string;
  response: R;
  command: (body: z.infer<B>, ctx: ActionContext, params: z.infer<P>) => Command | Promise<Command>;
  reply: (handled: Handled, params: z.infer<P>) => z.infer<R>;
}>;

/** The roles the parties file gives the named parties (the domain checks a bank is a bank, docs/contract.md §2). */
export const rolesOf = (deps: RouteDeps, ids: readonly (string | undefined)[]): Roles =>
  Object.fromEntries(ids.flatMap((id) => (id === undefined ? [] : [[id, deps.parties.roleOf(id)]])));

/** The calendar of the bank presented to (store/calendars.ts); a bank with none is a 422 naming it. */
export const calendarOf = (deps: RouteDeps, credit: Credit, presentedTo?: string) => {
  try {
    return examiningCalendar(credit.terms, (id) => deps.parties.byId(id), presentedTo);
  } catch (error) {
    if (error instanceof UnknownCalendar)
      throw new Rejected({ kind: 'rule', code: 'calendar-unknown', detail: error.message });
    throw error;
  }
};

/** A state-changing call on one credit (docs/contract.md §8 "Answers"), refusals as problem+json. */
export const registerAction = <B extends z.ZodType, P extends z.ZodType<{ id: string }>, R extends z.ZodType>(
  app: App,
  deps: RouteDeps,
  spec: ActionSpec<B, P, R>,
): void => {
  const status = spec.created === undefined ? 200 : 201;
  app.post(
    `/credits/:id/${spec.path}`,
    {
      schema: {
        summary: spec.summary,
        tags: ['credits'],
        params: spec.params,
        body: spec.body,
        response: { [status]: spec.response, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const params = request.params as z.infer<P>;
      const traceparent = request.headers.traceparent;
      const by = { id: party.id, role: party.role };
      const body = await deps.db.transaction(async (tx) => {
        const handled = await handleIn(tx, deps.handle, {
          creditId: params.id,
          actor: by,
          traceparent: typeof traceparent === 'string' ? traceparent : undefined,
          command: ({ at, today }, loaded) => {
            if (loaded.state.status === 'initial') throw notFound();
            const ctx = { at, today, credit: loaded.state, party, by, tx, deps };
            return spec.command(request.body as z.infer<B>, ctx, params);
          },
        });
        if (spec.created !== undefined) reply.header('location', spec.created(handled, params));
        return spec.reply(handled, params);
      });
      return reply.code(status).send(body);
    },
  );
};
