import type { App, ServiceDeps } from '@railbill/platform';

/** The service's REST endpoints (SPEC §4/§5); the document routes arrive with the service's own issue. */
export const registerRoutes = (_app: App, _deps: ServiceDeps): void => {};
