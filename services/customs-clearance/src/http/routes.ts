import type { ServiceDeps } from '@railbill/platform';
import type { DeclarationRoutes } from './actions.ts';
import { dischargeDeclaration } from './routes/discharge-declaration.ts';
import { listDeclarations } from './routes/list-declarations.ts';
import { lodgeImport } from './routes/lodge-import.ts';
import { payDuties } from './routes/pay-duties.ts';
import { recordDecision } from './routes/record-decision.ts';

export type RouteDeps = ServiceDeps & DeclarationRoutes;

/** Every customs endpoint of docs/contract.md §5: the read here, each action in its own file (docs/architecture.md §2). */
export const registerRoutes = (deps: RouteDeps): void => {
  lodgeImport(deps);
  deps.read('Read a declaration: status, channel, risk reasons, goods and duties');
  listDeclarations(deps);
  recordDecision(deps);
  dischargeDeclaration(deps);
  payDuties(deps);
};
