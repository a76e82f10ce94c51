import type { App, ServiceDeps } from '@railbill/platform';
import type { HandleDeps } from '../handle.ts';
import { getWaybill } from './routes/get-waybill.ts';
import { submitWaybill } from './routes/submit-waybill.ts';

export type RouteDeps = ServiceDeps & Readonly<{ handle: HandleDeps }>;

/** Every waybill endpoint, one file per action (STYLE §2). */
export const registerRoutes = (app: App, deps: RouteDeps): void => {
  submitWaybill(app, deps);
  getWaybill(app, deps);
};
