import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Parties, Party } from '../parties.ts';
import { problem, sendProblem } from './problems.ts';

declare module 'fastify' {
  interface FastifyRequest {
    party: Party | undefined;
  }
  interface FastifyContextConfig {
    /** Public endpoints need no token (docs/contract.md §8 "Public endpoints"). */
    public?: boolean;
  }
}

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

/** The party behind `Authorization: Bearer <token>`, or undefined. */
export const authenticate = (parties: Parties, request: FastifyRequest): Party | undefined => {
  const match = BEARER.exec(request.headers.authorization ?? '');
  return match?.[1] === undefined ? undefined : parties.authenticate(match[1]);
};

/** The authenticated party of a protected route (the auth hook guarantees it). */
export const partyOf = (request: FastifyRequest): Party => {
  if (request.party === undefined) throw new Error('partyOf called on a public route');
  return request.party;
};

/**
 * The bearer-token check (docs/contract.md §8), added to the context of a service's routes, so fastify's encapsulation
 * keeps it off the public endpoints registered outside it (`/health`, `/ready`, `/metrics`, `/docs`, unknown paths);
 * a route of that context marked `public` (the console's page) needs no token either. The request's log lines then
 * carry the party and the caller's correlation id.
 */
export const requireParty = (scoped: FastifyInstance, parties: Parties): void => {
  scoped.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public === true) return;
    const party = authenticate(parties, request);
    if (party === undefined)
      return sendProblem(reply, problem(request, 401, 'unauthenticated', 'a valid bearer token is required'));
    request.party = party;
    const correlationId = request.headers['x-correlation-id'];
    request.log = request.log.child({
      partyId: party.id,
      ...(typeof correlationId === 'string' ? { correlationId } : {}),
    });
  });
};
