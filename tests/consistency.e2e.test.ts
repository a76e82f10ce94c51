import { chongqingDuisburgBill, creditA, eventually } from '@railbill/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumedBillMismatches, documentMismatches } from './consistency.ts';
import { type InProcessSystem, type ServiceName, startInProcessSystem } from './reliability/system.ts';

// The check the scenario files end with (tests/consistency.ts) must be able to fail: a bill, a credit and a
// declaration made through the services, then their stored rows changed behind the services' backs.
let sys: InProcessSystem;
beforeAll(async () => {
  sys = await startInProcessSystem();
  return sys.stop;
});

const sqlOn = async (service: ServiceName, text: string, values: unknown[] = []) =>
  (await sys.services[service].deps.pool.query(text, values)).rows;

const mismatchesOf = async (service: ServiceName) => documentMismatches(sys.databases[service]);

describe('the document consistency check', () => {
  it('finds nothing wrong with documents written by the services, and reports every kind of tampering', async () => {
    const p = sys.parties;
    const bill = await sys.call.waybill('shipper', 'POST', '/waybills', chongqingDuisburgBill(p));
    const billId = bill.body.id as string;
    expect((await sys.call.waybill('carrier', 'POST', `/waybills/${billId}/issue`, {})).status).toBe(200);
    const credit = await sys.call['letter-of-credit']('bank', 'POST', '/credits', creditA(p));
    expect(credit.status).toBe(201);
    const creditId = credit.body.id as string;
    // customs lodges the export declaration from waybill.issued
    const declarationId = await eventually(
      async () => (await sqlOn('customs-clearance', `select id from documents where kind = 'declaration'`))[0]?.id,
      30_000,
      'the export declaration',
    );

    for (const service of ['waybill', 'letter-of-credit', 'customs-clearance'] as const)
      expect(await mismatchesOf(service)).toEqual({ checked: 1, mismatches: [] });

    // the consumers' copies of the bill, each the public fold of what it has seen; then one of them changed
    const databases = Object.values(sys.databases);
    const issuedSeen = async () =>
      (await sqlOn('letter-of-credit', `select version from projections where name = 'bills' and id = $1`, [billId]))[0]
        ?.version === 2 || undefined;
    await eventually(issuedSeen, 30_000, 'letter-of-credit to fold waybill.issued');
    expect(await consumedBillMismatches(databases)).toEqual({ checked: 2, mismatches: [] });
    await sqlOn(
      'letter-of-credit',
      `update projections set state = jsonb_set(state, '{holder}', '"someone-else"') where name = 'bills' and id = $1`,
      [billId],
    );
    expect((await consumedBillMismatches(databases)).mismatches).toEqual([
      `${new URL(sys.databases['letter-of-credit']).pathname} bill ${billId}: $.holder: stored "someone-else", folded "${p.id('shipper')}"`,
    ]);

    // a state that is not the fold of the events
    await sqlOn(
      'waybill',
      `update documents set state = jsonb_set(state, '{holder}', '"someone-else"') where id = $1`,
      [billId],
    );
    expect((await mismatchesOf('waybill')).mismatches).toEqual([
      `waybill ${billId}: $.holder: stored "someone-else", folded "${p.id('shipper')}"`,
    ]);

    // a status column that is not the folded status
    await sqlOn('letter-of-credit', `update documents set status = 'paid' where id = $1`, [creditId]);
    expect((await mismatchesOf('letter-of-credit')).mismatches).toEqual([
      `credit ${creditId}: status column paid, folded issued`,
    ]);

    // one event more than the row's version, and events of no document
    const [{ version }] = await sqlOn('customs-clearance', 'select version from documents where id = $1', [
      declarationId,
    ]);
    await sqlOn(
      'customs-clearance',
      `insert into document_events (document_id, sequence, event_id, type, time, data, correlation_id)
       select document_id, sequence + 1, gen_random_uuid(), type, time, data, correlation_id from document_events
       where document_id = $1 order by sequence desc limit 1`,
      [declarationId],
    );
    const orphan = '01890000-0000-7000-8000-000000000000';
    await sqlOn(
      'customs-clearance',
      `insert into document_events (document_id, sequence, event_id, type, time, data, correlation_id)
       values ($1, 1, gen_random_uuid(), 'customs.lodged', '2026-01-01T00:00:00Z', '{}', $2)`,
      [orphan, orphan],
    );
    const found = await mismatchesOf('customs-clearance');
    expect(found.checked).toBe(1);
    expect(found.mismatches).toContain(`events of ${orphan}, which has no row`);
    expect(found.mismatches).toContain(`declaration ${declarationId}: version ${version}, ${version + 1} events`);
  });
});
