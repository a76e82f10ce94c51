import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WaybillEvent } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { endorsed, issued, milestone, submitted, t } from '../domain/testing/builders.ts';
import { chongqingDuisburg, parties } from '../domain/testing/shipments.ts';
import { sealEntries } from './sign-entries.ts';
import { type CarrierKey, generateCarrierKey, publicJwk } from './signature.ts';
import { verifyHistory } from './verify-history.ts';

const waybillId = '01960000-0000-7000-8000-000000000417';
const bol = chongqingDuisburg();
const events: readonly WaybillEvent[] = [
  submitted(bol),
  issued(bol),
  {
    type: 'waybill.amendment_requested',
    data: { n: 1, changes: { freight: 'collect' }, requestedBy: parties.yunxi.id },
  },
  {
    type: 'waybill.amended',
    data: { changes: { freight: 'collect' }, amendedBy: parties.silkrail.id, request: 1, warnings: [] },
  },
  milestone(1, 'departed', t.departed, 'CNCQI'),
  endorsed(parties.yunxi.id, parties.yzcb.id),
];
const times = [t.submitted, t.issued, t.issued, t.issued, t.departed, t.endorsed];

const sealedHistory = (key: CarrierKey, upTo = events.length) =>
  sealEntries({
    waybillId,
    billNumber: undefined,
    prevHash: null,
    firstSequence: 1,
    events: events.slice(0, upTo).map((e, i) => ({ type: e.type, time: times[i] ?? t.submitted, data: e.data })),
    key: async () => key,
  });

describe('verifyHistory', () => {
  it('verifies the chain, the issuance signature and the re-signed amendment', async () => {
    const key = await generateCarrierKey();
    const history = await sealedHistory(key);
    expect(history.filter((e) => e.signature !== undefined).map((e) => e.type)).toEqual([
      'waybill.issued',
      'waybill.amended',
    ]);
    expect(await verifyHistory(history, { keys: [publicJwk(key)] }, waybillId)).toEqual({
      valid: true,
      events: 6,
      signature: { valid: true, keyId: publicJwk(key).kid },
      problems: [],
    });
  });

  it('reads the waybill id from the signature when none is given', async () => {
    const key = await generateCarrierKey();
    expect(await verifyHistory(await sealedHistory(key), { keys: [publicJwk(key)] })).toMatchObject({ valid: true });
  });

  it('reports tampered data at that entry', async () => {
    const key = await generateCarrierKey();
    const history = (await sealedHistory(key)).map((e) =>
      e.sequence === 6 ? { ...e, data: { ...(e.data as object), to: parties.smbl.id } } : e,
    );
    expect(await verifyHistory(history, { keys: [publicJwk(key)] }, waybillId)).toMatchObject({
      valid: false,
      signature: { valid: true },
      problems: ['entry 6: hash mismatch'],
    });
  });

  it('fails the signature with another key', async () => {
    const [key, other] = [await generateCarrierKey(), await generateCarrierKey()];
    const verdict = await verifyHistory(await sealedHistory(key), { keys: [publicJwk(other)] }, waybillId);
    expect(verdict).toMatchObject({ valid: false, signature: { valid: false } });
  });

  it('fails the signature for another waybill id', async () => {
    const key = await generateCarrierKey();
    const verdict = await verifyHistory(await sealedHistory(key), { keys: [publicJwk(key)] }, 'another-bill');
    expect(verdict).toMatchObject({ valid: false, signature: { valid: false } });
  });

  it('reports an issued entry stripped of its signature', async () => {
    const key = await generateCarrierKey();
    const history = (await sealedHistory(key)).map(({ signature: _s, ...e }) => e);
    expect((await verifyHistory(history, { keys: [publicJwk(key)] }, waybillId)).problems).toContain(
      'entry 2: waybill.issued carries no signature',
    );
  });

  it('rests on the chain alone before issue', async () => {
    const key = await generateCarrierKey();
    expect(await verifyHistory(await sealedHistory(key, 1), { keys: [] }, waybillId)).toEqual({
      valid: true,
      events: 1,
      signature: { valid: false, keyId: null },
      problems: [],
    });
  });
});

describe('verify-history CLI', () => {
  const cli = fileURLToPath(new URL('../../bin/verify-history.ts', import.meta.url));
  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], (error, stdout) =>
        resolve({ code: error?.code === undefined ? 0 : Number(error.code), stdout }),
      );
    });

  it('prints a valid verdict and exits 0, and an invalid one with exit 1', async () => {
    const key = await generateCarrierKey();
    const dir = await mkdtemp(join(tmpdir(), 'verify-history-'));
    const history = await sealedHistory(key);
    const files = {
      history: join(dir, 'history.json'),
      tampered: join(dir, 'tampered.json'),
      jwks: join(dir, 'jwks.json'),
    };
    await writeFile(files.history, JSON.stringify(history));
    await writeFile(
      files.tampered,
      JSON.stringify(history.map((e) => (e.sequence === 3 ? { ...e, time: t.paid } : e))),
    );
    await writeFile(files.jwks, JSON.stringify({ keys: [publicJwk(key)] }));

    const valid = await run(files.history, files.jwks, '--waybill-id', waybillId);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toMatchObject({
      valid: true,
      events: 6,
      signature: { valid: true, keyId: publicJwk(key).kid },
    });

    const invalid = await run(files.tampered, files.jwks);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ valid: false, problems: ['entry 3: hash mismatch'] });
  });

  it('exits 2 on bad usage', async () => expect((await run()).code).toBe(2));
});
