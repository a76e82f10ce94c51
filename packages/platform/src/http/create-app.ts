import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from '../logger.ts';
import type { Parties } from '../parties.ts';
import { registerHttpTracing } from '../tracing/http.ts';
import { requireParty } from './auth.ts';
import type { Metrics } from './metrics.ts';
import { completeOperation, declaredTags } from './openapi.ts';
import { problem, sendProblem, toProblem } from './problems.ts';
import { registerPublicRoutes } from './public-routes.ts';
import { clientErrorHandler, frameworkErrors, refuseLongUrls } from './server-errors.ts';

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  ZodTypeProvider
>;

export type ReadinessCheck = () => Promise<void>;

export type CreateAppOptions = Readonly<{
  name: string;
  description: string;
  log: Logger;
  parties: Parties;
  metrics: Metrics;
  bodyLimit: number;
  /** Requests per minute and party (docs/contract.md §7: 429 beyond); public endpoints are not limited. */
  rateLimitPerMinute: number;
  /** Each check throws when its dependency is unreachable (`/ready`). */
  readiness: Readonly<Record<string, ReadinessCheck>>;
  /** The AsyncAPI document of the topics this service produces and consumes. */
  asyncApi: unknown;
  /** Registers the service's routes (docs/architecture.md §1: the factory takes a callback). */
  routes: (app: App) => void | Promise<void>;
}>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every service's HTTP app: auth, strict zod routes, problem+json, ids in logs, health/ready/metrics/docs. */
export const createApp = async (o: CreateAppOptions): Promise<App> => {
  const app = Fastify({
    loggerInstance: o.log,
    bodyLimit: o.bodyLimit,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // our own onResponse hook logs each request once, with the route and the party
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
    // errors raised before any route are problem+json too (docs/reliability.md)
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: any other media type (text/plain included) is answered 415 problem+json
  app.removeContentTypeParser('text/plain');
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('party', undefined);
  // first of all hooks: everything after runs in the request's server span
  registerHttpTracing(app as unknown as FastifyInstance);

  await app.register(swagger, {
    openapi: {
      info: { title: `railbill ${o.name}`, description: o.description, version: '1.0.0' },
      servers: [{ url: '/', description: `this ${o.name} service (same origin as the document)` }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    // every operation with an operationId, a description and a declared tag (docs/contract.md §8)
    transform: (input) => {
      const { schema, url } = jsonSchemaTransform(input);
      const isPublic = (input.route.config as { public?: boolean } | undefined)?.public === true;
      const method = String(Array.isArray(input.route.method) ? input.route.method[0] : input.route.method);
      return { schema: completeOperation(schema as Record<string, unknown>, method, url, isPublic), url };
    },
    transformObject: (document) => {
      const openapiObject = 'openapiObject' in document ? document.openapiObject : {};
      const used = Object.values(openapiObject.paths ?? {}).flatMap((item) =>
        Object.values(item ?? {}).flatMap((op) => (op as { tags?: string[] }).tags ?? []),
      );
      return { ...openapiObject, tags: declaredTags(used) };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: false } });

  app.addHook('onRequest', refuseLongUrls);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // after authentication (onRequest), so the budget is the party's own; 429 as problem+json via the error handler
  await app.register(rateLimit, {
    hook: 'preHandler',
    max: o.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.party?.id ?? request.ip,
    allowList: (request) => request.routeOptions.config.public === true || request.party === undefined,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`more than ${context.max} requests per minute; retry after ${context.after}`), {
        statusCode: 429,
        code: 'FST_ERR_RATE_LIMIT',
      }),
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    o.metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    request.log.info(
      { method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error instanceof Error ? error : new Error(String(error)), request);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: p.code, status: p.status }, 'request refused');
    return sendProblem(reply, p);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(request, 404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );

  registerPublicRoutes(app, o);
  // the service's own routes, in a context of their own: only they require a party (auth.ts)
  await app.register(async (scoped) => {
    requireParty(scoped, o.parties);
    await o.routes(scoped as unknown as App);
  });
  return app;
};
