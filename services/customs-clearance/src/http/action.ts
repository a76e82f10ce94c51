import { DeclarationView } from '@railbill/contracts';
import { type App, partyOf, problemResponses } from '@railbill/platform';
import type { z } from 'zod';
import type { Actor, Command } from '../domain/commands.ts';
import { handleIn } from '../handle.ts';
import type { RouteDeps } from './routes.ts';
import { DeclarationIdParams } from './schemas.ts';
import { actorOf, toView } from './views.ts';

/** What a command builder gets: the declaration id, the clock reading and the caller as the domain sees it. */
export type ActionContext = Readonly<{ declarationId: string; at: string; by: Actor }>;

export type ActionSpec<B extends z.ZodType> = Readonly<{
  path: string;
  summary: string;
  body: B;
  command: (body: z.infer<B>, ctx: ActionContext) => Command;
}>;

/** A state-changing call on one declaration (docs/contract.md §8 "Answers"): 200 with the declaration, refusals as problems. */
export const registerAction = <B extends z.ZodType>(app: App, deps: RouteDeps, spec: ActionSpec<B>): void => {
  app.post(
    `/declarations/:id/${spec.path}`,
    {
      schema: {
        summary: spec.summary,
        tags: ['declarations'],
        params: DeclarationIdParams,
        body: spec.body,
        response: { 200: DeclarationView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request) => {
      const by = actorOf(partyOf(request));
      const { id } = request.params;
      const traceparent = request.headers.traceparent;
      const handled = await deps.db.transaction((tx) =>
        handleIn(tx, deps.handle, {
          declarationId: id,
          actor: by,
          traceparent: typeof traceparent === 'string' ? traceparent : undefined,
          command: (at) => spec.command(request.body as z.infer<B>, { declarationId: id, at, by }),
        }),
      );
      return toView(handled.id, handled.declaration);
    },
  );
};
