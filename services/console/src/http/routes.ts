import type { App, ServiceDeps } from '@railbill/platform';

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>railbill console</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:48rem}code{background:#eee;padding:0 .2rem}</style></head>
<body><h1>railbill console</h1>
<p>The operators' view of the three trade documents. The live event stream and the per-shipment timeline arrive with
the console issue; until then the services answer on their own ports:</p>
<ul><li>waybill <code>:3001/docs</code></li><li>letter-of-credit <code>:3002/docs</code></li>
<li>customs-clearance <code>:3003/docs</code></li></ul></body></html>`;

/** The console's page (SPEC §1: read-only operators' view on port 3000). */
export const registerRoutes = (app: App, _deps: ServiceDeps): void => {
  app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
};
