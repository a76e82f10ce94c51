import { EmptyBody } from '@railbill/platform';
import type { RouteDeps } from '../routes.ts';

/**
 * `POST /declarations/{id}/discharge` (docs/contract.md §5): customs at the office of destination ends a released transit; the
 * destination is the bill's current place of delivery (after a change of destination, the new one: docs/title.md).
 */
export const dischargeDeclaration = (deps: RouteDeps): void =>
  deps.action({
    path: 'discharge',
    summary: "Discharge a released transit (customs at its office of destination, the bill's place of delivery)",
    body: EmptyBody,
    command: async (_body, { declarationId, at, by, billPlaceOfDelivery }) => ({
      type: 'discharge',
      declarationId,
      at,
      by,
      billPlaceOfDelivery: await billPlaceOfDelivery(),
    }),
  });
