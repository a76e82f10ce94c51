import type { FastifyRequest } from 'fastify';
import type { Parties, Party } from '../parties.ts';

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
