import type { App } from '@railbill/platform';
import { z } from 'zod';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';

/** `POST /declarations/{id}/discharge` (SPEC §5): customs at the office of destination ends a released transit. */
export const dischargeDeclaration = (app: App, deps: RouteDeps): void =>
  registerAction(app, deps, {
    path: 'discharge',
    summary: 'Discharge a released transit (customs at its office of destination)',
    body: z.strictObject({}),
    command: (_body, { declarationId, at, by }) => ({ type: 'discharge', declarationId, at, by }),
  });
