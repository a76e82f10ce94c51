import type { FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { CommandContext, CommandHandler, Handled } from '../app/command-handler.ts';
import type { Db } from '../store/db.ts';
import type { App } from './create-app.ts';
import { createOnce } from './create-once.ts';
import { decodeCursor, pageOf } from './pagination.ts';
import { IdempotencyHeaders, problemResponses } from './route-schemas.ts';

/** What a command handler answers to a route: the handled command and the document's view. */
export type Answer<N, E extends Readonly<{ type: string }>, L, V> = Readonly<{ handled: Handled<N, E, L>; view: V }>;

/** A state-changing call on one document: `POST <base>/<path>` with a zod body and path parameters. */
export type ActionSpec<
  B extends z.ZodType,
  P extends z.ZodType<{ id: string }>,
  X,
  C,
  Ans,
  R extends z.ZodType,
> = Readonly<{
  path: string;
  summary: string;
  body: B;
  /** Path parameters beyond `id` (e.g. an amendment's `n`); the document's own by default. */
  params?: P;
  command: (body: z.output<B>, ctx: X, params: z.output<P>) => C | Promise<C>;
  /** A created sub-resource (201 with its `Location`); otherwise 200. */
  created?: (answer: Ans, params: z.output<P>) => string;
  /** The answer's schema and body; the document's view by default. */
  response?: R;
  reply?: (answer: Ans, params: z.output<P>) => z.output<R>;
}>;

/** `POST <collection>`: creates a document, at most once per party and `Idempotency-Key` (docs/contract.md §8). */
export type CreateSpec<B extends z.ZodType, X, C> = Readonly<{
  summary: string;
  body: B;
  command: (body: z.output<B>, ctx: X) => C | Promise<C>;
}>;

/** A service's binding of its handler to HTTP: where its documents live and how a route sees the caller. */
export type ActionKit<
  L,
  F,
  Caller extends Readonly<{ id: string; role: string }>,
  X,
  V extends { id: string },
> = Readonly<{
  /** The collection, e.g. `/waybills`; actions are `POST <collection>/:id/<path>`. */
  collection: string;
  tag: string;
  /** The document's path parameters (`{ id }`) and its view. */
  params: z.ZodType<{ id: string }>;
  view: z.ZodType<V>;
  callerOf: (request: FastifyRequest) => Caller;
  /** What a route's command builder gets beside the body: the clock reading, the document, the caller, the facts. */
  context: (ctx: CommandContext<L, F>, caller: Caller) => X;
}>;

const REFUSALS = problemResponses(400, 401, 403, 404, 409, 413, 415, 422);

/**
 * The request's body, path parameters and query as their zod schemas type them. fastify's zod type provider validated them,
 * but cannot resolve its types for a schema that is a type parameter; this is the one place that says so.
 */
const inputOf = <B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType = z.ZodType>(
  request: Readonly<{ body: unknown; params: unknown; query: unknown }>,
): Readonly<{ body: z.output<B>; params: z.output<P>; query: z.output<Q> }> => ({
  body: request.body as z.output<B>,
  params: request.params as z.output<P>,
  query: request.query as z.output<Q>,
});

const idempotencyKeyOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers['idempotency-key'];
  return typeof header === 'string' ? header : undefined;
};

const traceparentOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers.traceparent;
  return typeof header === 'string' ? header : undefined;
};

/**
 * Binds a document's command handler to HTTP (docs/architecture.md §2): a route names its path, body schema and the
 * command; the handler owns the transaction, so no route sees one or mints an id.
 */
export const actionRoutes = <
  N,
  C,
  E extends Readonly<{ type: string }>,
  L,
  F,
  Caller extends Readonly<{ id: string; role: string }>,
  X,
  V extends { id: string },
>(
  app: App,
  handler: CommandHandler<N, C, E, L, Caller, F, V>,
  kit: ActionKit<L, F, Caller, X, V>,
) => {
  type Ans = Answer<N, E, L, V>;
  const db = handler.db;
  const action = <
    B extends z.ZodType,
    P extends z.ZodType<{ id: string }> = z.ZodType<{ id: string }>,
    R extends z.ZodType = z.ZodType<V>,
  >(
    spec: ActionSpec<B, P, X, C, Ans, R>,
  ): void => {
    const status = spec.created === undefined ? 200 : 201;
    const params = spec.params ?? kit.params;
    app.post(
      `${kit.collection}/:id/${spec.path}`,
      {
        schema: {
          summary: spec.summary,
          tags: [kit.tag],
          params,
          body: spec.body,
          response: { [status]: spec.response ?? kit.view, ...REFUSALS },
        },
      },
      async (request, reply) => {
        const caller = kit.callerOf(request);
        const { body, params } = inputOf<B, P>(request);
        const answer = await handler.answer({
          id: params.id,
          caller,
          traceparent: traceparentOf(request),
          command: (ctx) => spec.command(body, kit.context(ctx, caller), params),
        });
        if (spec.created !== undefined) reply.header('location', spec.created(answer, params));
        return reply.code(status).send(spec.reply === undefined ? answer.view : spec.reply(answer, params));
      },
    );
  };
  const create = <B extends z.ZodType>(spec: CreateSpec<B, X, C>): void => {
    // typed as any schema: the reply's type comes from `kit.view`, a type parameter fastify cannot resolve
    const schema: FastifySchema = {
      summary: spec.summary,
      tags: [kit.tag],
      body: spec.body,
      headers: IdempotencyHeaders,
      response: { 201: kit.view, ...REFUSALS },
    };
    app.post(kit.collection, { schema }, async (request, reply) => {
      const caller = kit.callerOf(request);
      const { body } = inputOf<B, z.ZodType>(request);
      await createOnce(
        db,
        reply,
        {
          partyId: caller.id,
          key: idempotencyKeyOf(request),
          request: body,
          collection: kit.collection,
        },
        async (tx) =>
          (
            await handler.answerIn(tx, {
              caller,
              traceparent: traceparentOf(request),
              command: (ctx) => spec.command(body, kit.context(ctx, caller)),
            })
          ).view,
      );
    });
  };
  /** `GET <collection>/:id`: the document for a caller that may see it; anyone else gets 404. */
  const read = (summary: string): void => {
    const schema: FastifySchema = {
      summary,
      tags: [kit.tag],
      params: kit.params,
      response: { 200: kit.view, ...problemResponses(400, 401, 404) },
    };
    app.get(`${kit.collection}/:id`, { schema }, async (request) => {
      const { params } = inputOf<z.ZodType, typeof kit.params>(request);
      return handler.read(params.id, kit.callerOf(request));
    });
  };
  /**
   * `GET <collection>`: the documents the caller is party to (operators: all), filtered by the query, one page at a
   * time with an opaque cursor (docs/contract.md §8).
   */
  const list = <
    Q extends z.ZodType<{ cursor?: string | undefined; limit: number }>,
    I extends Readonly<{ id: string }>,
  >(
    spec: ListSpec<Q, I, V, Caller>,
  ): void => {
    const schema: FastifySchema = {
      summary: spec.summary,
      tags: [kit.tag],
      querystring: spec.query,
      response: {
        200: z.object({ items: z.array(kit.view), nextCursor: z.string().nullable() }),
        ...problemResponses(400, 401),
      },
    };
    app.get(kit.collection, { schema }, async (request) => {
      const caller = kit.callerOf(request);
      const { query } = inputOf<z.ZodType, z.ZodType, Q>(request);
      const { items, more } = await spec.page(db, query, {
        caller,
        visibleTo: caller.role === 'operator' ? undefined : caller.id,
        after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
        limit: query.limit,
      });
      return pageOf(
        items.flatMap((item) => spec.view(item) ?? []),
        items.at(-1),
        more,
      );
    });
  };
  return { action, create, read, list };
};

/** Which page of a list a caller asks for: its own documents (operators: all), after the cursor's. */
export type PageScope<Caller> = Readonly<{
  caller: Caller;
  visibleTo: string | undefined;
  after: string | undefined;
  limit: number;
}>;

export type ListSpec<Q extends z.ZodType, I, V, Caller> = Readonly<{
  summary: string;
  /** The filters, with `pageQueryShape`'s `limit` and `cursor`. */
  query: Q;
  /** The page's rows, one more than `limit` read to learn whether more follow. */
  page: (
    db: Db,
    query: z.output<Q>,
    scope: PageScope<Caller>,
  ) => Promise<Readonly<{ items: readonly I[]; more: boolean }>>;
  /** A row's view; undefined drops it. */
  view: (item: I) => V | undefined;
}>;

export const EmptyBody = z.strictObject({});

/** A document's routes as `actionRoutes` binds them: `action`, `create`, `read` and `list`. */
export type ActionRoutes<
  N,
  C,
  E extends Readonly<{ type: string }>,
  L,
  F,
  Caller extends Readonly<{ id: string; role: string }>,
  X,
  V extends { id: string },
> = ReturnType<typeof actionRoutes<N, C, E, L, F, Caller, X, V>>;
