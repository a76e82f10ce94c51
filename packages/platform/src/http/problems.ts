import type { DomainErrorKind } from '@railbill/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Rejected } from '../errors.ts';

/** RFC 9457 problem details; `type` is stable per code (docs/architecture.md §3 Errors). */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  code: string;
  errors?: { pointer: string; detail: string }[];
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const statusOfKind: Record<DomainErrorKind, number> = { not_found: 404, forbidden: 403, conflict: 409, rule: 422 };

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Not allowed in this role',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict with the current state',
  413: 'Body too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Business rule violated',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal error',
  503: 'Service unavailable',
};

const fastifyCodes: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid-content-length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty-body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json' },
  FST_ERR_RATE_LIMIT: { status: 429, code: 'rate-limited' },
};

export const problem = (
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: Problem['errors'],
): Problem => ({
  type: `urn:railbill:problem:${code}`,
  title: titles[status] ?? 'Error',
  status,
  detail,
  instance: request.url,
  requestId: String(request.id),
  code,
  ...(errors === undefined ? {} : { errors }),
});

export const sendProblem = (reply: FastifyReply, p: Problem): FastifyReply =>
  reply.code(p.status).type(PROBLEM_CONTENT_TYPE).send(p);

type ValidationIssue = {
  instancePath: string;
  message?: string | undefined;
  keyword: string;
  params: Record<string, unknown>;
};

/** zod issues → JSON pointers into the body (`#/legs/1/from`); unknown keys are listed one by one. */
export const pointersOf = (issues: readonly ValidationIssue[]): NonNullable<Problem['errors']> =>
  issues.flatMap((i) => {
    const base = i.instancePath === '/' ? '' : i.instancePath;
    const keys = i.params.keys;
    if (i.keyword === 'unrecognized_keys' && Array.isArray(keys))
      return keys.map((k) => ({ pointer: `#${base}/${String(k)}`, detail: 'unknown field' }));
    return [{ pointer: `#${base}`, detail: i.message ?? i.keyword }];
  });

/** The one mapping from every failure to problem+json. */
export const toProblem = (error: FastifyError | Error, request: FastifyRequest): Problem => {
  if (error instanceof Rejected)
    return problem(request, statusOfKind[error.error.kind], error.error.code, error.error.detail);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    // a path id of any other form (a UUIDv4, any string) names no document the caller may see (docs/contract.md §7)
    if (where === 'params') return problem(request, 404, 'not-found', `no document at ${request.url.split('?')[0]}`);
    return problem(request, 400, 'invalid-request', `the request ${where} is invalid`, pointersOf(error.validation));
  }
  const mapped = fastifyCodes[(error as FastifyError).code ?? ''];
  if (mapped !== undefined) return problem(request, mapped.status, mapped.code, error.message);
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500)
    return problem(request, status, 'bad-request', error.message);
  return problem(request, 500, 'internal-error', 'an unexpected error occurred; see the logs with this requestId');
};
