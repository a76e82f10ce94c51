import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainEntries, verifyChain } from './hash-chain.ts';

const events = [
  { sequence: 1, type: 'waybill.submitted', time: '2026-04-03T02:00:00.000Z', data: { shipper: 'yunxi-devices' } },
  {
    sequence: 2,
    type: 'waybill.issued',
    time: '2026-04-07T02:00:00.000Z',
    data: { billNumber: 'B-1', holder: 'yunxi-devices' },
  },
  {
    sequence: 3,
    type: 'waybill.endorsed',
    time: '2026-04-14T02:00:00.000Z',
    data: { from: 'yunxi-devices', to: 'yzcb-cq' },
  },
  {
    sequence: 4,
    type: 'waybill.endorsed',
    time: '2026-04-20T02:00:00.000Z',
    data: { from: 'yzcb-cq', to: 'rheinhafen-computer' },
  },
];

describe('hash chain', () => {
  it('hashes the JCS of { sequence, type, time, data, prevHash } with SHA-256, prevHash null first', () => {
    const [first] = chainEntries(events);
    // JCS: keys sorted by code point, no whitespace (RFC 8785).
    const jcs =
      '{"data":{"shipper":"yunxi-devices"},"prevHash":null,"sequence":1,"time":"2026-04-03T02:00:00.000Z","type":"waybill.submitted"}';
    expect(first).toMatchObject({ prevHash: null, hash: createHash('sha256').update(jcs).digest('hex') });
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each entry to the hash of the one before', () => {
    const entries = chainEntries(events);
    for (const [i, e] of entries.slice(1).entries()) expect(e.prevHash).toBe(entries[i]?.hash);
  });

  it('continues a stored chain from its last hash', () => {
    const whole = chainEntries(events);
    const appended = chainEntries(events.slice(2), whole[1]?.hash ?? null);
    expect(appended).toEqual(whole.slice(2));
  });

  it('verifies an untouched chain', () =>
    expect(verifyChain(chainEntries(events))).toEqual({ valid: true, problems: [] }));

  it('reports tampered data at the entry tampered with', () => {
    const entries = chainEntries(events).map((e) =>
      e.sequence === 3 ? { ...e, data: { from: 'yunxi-devices', to: 'smbl' } } : e,
    );
    expect(verifyChain(entries)).toEqual({ valid: false, problems: ['entry 3: hash mismatch'] });
  });

  it('reports an entry rewritten with a fresh hash at the next link', () => {
    const entries = chainEntries(events);
    const forged = chainEntries(
      [{ ...events[2], sequence: 3, type: 'waybill.endorsed', time: 'x', data: {} }],
      entries[1]?.hash ?? null,
    );
    expect(verifyChain([...entries.slice(0, 2), ...forged, ...entries.slice(3)]).problems).toEqual([
      'entry 4: prevHash does not match entry 3',
    ]);
  });

  it('reports a removed entry', () => {
    const entries = chainEntries(events);
    expect(verifyChain([...entries.slice(0, 2), ...entries.slice(3)]).problems).toEqual([
      'entry 3: sequence is 4, expected 3',
      'entry 3: prevHash does not match entry 2',
    ]);
  });

  it('reports a first entry that claims a predecessor', () => {
    const entries = chainEntries(events, 'ab'.repeat(32));
    expect(verifyChain(entries).problems).toEqual(['entry 1: prevHash of the first entry must be null']);
  });
});
