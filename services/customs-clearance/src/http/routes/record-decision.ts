import { OfficerDecision } from '@railbill/contracts';
import type { RouteDeps } from '../routes.ts';

/** `POST /declarations/{id}/decision` (docs/contract.md §5): customs at the declaration's office decides a yellow or red case. */
export const recordDecision = (deps: RouteDeps): void =>
  deps.action({
    path: 'decision',
    summary:
      'Decide a case under control or held (customs at its office): release, hold, reject, or order an inspection',
    body: OfficerDecision,
    command: (body, { declarationId, at, by }) => ({
      type: 'recordDecision',
      declarationId,
      at,
      by,
      outcome: body.outcome,
      reason: body.reason,
      observedMassKg: body.observedMassKg,
      item: body.item,
    }),
  });
