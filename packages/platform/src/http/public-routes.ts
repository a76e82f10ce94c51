import { eventJsonSchema } from '@railbill/contracts';
import { z } from 'zod';
import type { App, CreateAppOptions } from './create-app.ts';
import { problem, sendProblem } from './problems.ts';

const isPublic = { public: true } as const;
const hidden = { hide: true } as const;

/** `/health`, `/ready`, `/metrics`, `/asyncapi.json`, `/schemas/{type}.json`: no token (docs/contract.md §8). */
export const registerPublicRoutes = (app: App, o: CreateAppOptions): void => {
  app.get('/health', { config: isPublic, schema: hidden }, async () => ({ status: 'ok', service: o.name }));

  app.get('/ready', { config: isPublic, schema: hidden }, async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(o.readiness).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `unavailable: ${(error as Error).message}`] as const;
        }
      }),
    );
    const ready = results.every(([, r]) => r === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) });
  });

  app.get('/metrics', { config: isPublic, schema: hidden }, async (_request, reply) =>
    reply.type(o.metrics.registry.contentType).send(await o.metrics.registry.metrics()),
  );

  app.get('/asyncapi.json', { config: isPublic, schema: hidden }, async () => o.asyncApi);

  app.get(
    '/schemas/:file',
    { config: isPublic, schema: { ...hidden, params: z.object({ file: z.string() }) } },
    async (request, reply) => {
      const type = request.params.file.replace(/\.json$/, '');
      const schema = eventJsonSchema(type);
      if (schema === undefined) return sendProblem(reply, problem(request, 404, 'not-found', `no event type ${type}`));
      return schema;
    },
  );
};
