import { z } from 'zod';

/** RFC 9457 problem details as documented in OpenAPI (docs/contract.md §7); built by problems.ts. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  code: z.string(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
});

/** The problem+json responses a route documents, by status. */
export const problemResponses = (...statuses: readonly (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422)[]) =>
  Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));

/** Headers of a creating request: `Idempotency-Key` (docs/contract.md §3) and the W3C trace context. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(255).optional(),
  traceparent: z.string().optional(),
});
