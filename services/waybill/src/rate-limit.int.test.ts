import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './testing/harness.ts';

// docs/contract.md §7: 429 rate limit, per party, as problem+json; public endpoints are not limited.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: '3' });
  return h.stop;
});

describe('the rate limit', () => {
  it('answers 429 problem+json once a party spent its budget, and only that party', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.call('shipper', 'GET', '/waybills')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await h.call('shipper', 'GET', '/waybills');
    expect(limited.body).toMatchObject({ status: 429, type: 'urn:railbill:problem:rate-limited' });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect((await h.call('carrier', 'GET', '/waybills')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await h.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
