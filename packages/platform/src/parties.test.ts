import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParties, parseParties } from './parties.ts';

const records = [
  { id: 'silkrail-mto', name: 'Silkrail Multimodal', role: 'carrier', token: 'carrier-token-0123456789' },
  { id: 'rrhb', name: 'Rhein-Ruhr Handelsbank', role: 'bank', token: 'bank-token-0123456789ab', bic: 'RRHBDED0' },
];

describe('the parties', () => {
  it('authenticate a token to its party, without its secrets', () => {
    const parties = parseParties(JSON.stringify(records), 'test');
    expect(parties.authenticate('bank-token-0123456789ab')).toEqual({
      id: 'rrhb',
      name: 'Rhein-Ruhr Handelsbank',
      role: 'bank',
      bic: 'RRHBDED0',
    });
    expect(parties.authenticate('bank-token-0123456789aX')).toBeUndefined();
    expect(parties.authenticate('')).toBeUndefined();
    expect(parties.roleOf('silkrail-mto')).toBe('carrier');
  });

  it('come from RAILBILL_PARTIES_JSON before the file (docs/contract.md §2: production loads from the environment)', () => {
    const file = join(tmpdir(), `parties-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(records.slice(0, 1)));
    expect(loadParties({ file }).all.map((p) => p.id)).toEqual(['silkrail-mto']);
    expect(loadParties({ file, json: JSON.stringify(records) }).all.map((p) => p.id)).toEqual(['silkrail-mto', 'rrhb']);
  });

  it('refuse a file that is not valid, naming where it came from', () => {
    expect(() => parseParties('{', 'RAILBILL_PARTIES_JSON')).toThrow(
      'invalid parties in RAILBILL_PARTIES_JSON: not JSON',
    );
    expect(() => parseParties(JSON.stringify([{ ...records[0], role: 'pirate' }]), 'x')).toThrow(
      'invalid parties in x',
    );
    expect(() => parseParties(JSON.stringify([records[0], records[0]]), 'x')).toThrow('duplicate party id');
    expect(() => parseParties(JSON.stringify([{ ...records[0], token: 'short' }]), 'x')).toThrow('at least 16');
  });
});
