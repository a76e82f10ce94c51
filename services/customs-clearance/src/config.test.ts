import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCustomsConfig } from './config.ts';

const file = (content: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'railbill-config-')), 'file.json');
  writeFileSync(path, content);
  return path;
};

describe('loadCustomsConfig', () => {
  it('loads the repo’s risk rules and tariff by default', () => {
    const config = loadCustomsConfig({});
    expect(config.PORT).toBe(3003);
    expect(config.rules.risk.channels).toEqual({ yellowFrom: 30, redFrom: 60 });
    expect(config.rules.tariff.territories.map((t) => t.id)).toContain('EU');
  });

  it('fails fast on risk rules that do not fit the schema', () =>
    expect(() => loadCustomsConfig({ RISK_RULES_FILE: file('{"channels":{}}') })).toThrow(/invalid risk rules file/));

  it('fails fast on a tariff that is not JSON or is missing', () => {
    expect(() => loadCustomsConfig({ TARIFF_FILE: file('{not json') })).toThrow(/invalid tariff file/);
    expect(() => loadCustomsConfig({ TARIFF_FILE: '/nonexistent/tariff.json' })).toThrow(/invalid tariff file/);
  });
});
