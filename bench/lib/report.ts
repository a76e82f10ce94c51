import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { queryOnce, repoRoot } from '@railbill/testkit';

/** One line of the printed table: a measure next to the baseline measured in the same run, and the target. */
export type Row = Readonly<{
  measure: string;
  value: number;
  unit: string;
  baseline?: number | undefined;
  ratio?: number | undefined;
  target?: string | undefined;
  met?: boolean | undefined;
}>;

/** What a scenario hands back: its rows for the table, and everything it measured for the JSON file. */
export type ScenarioResult = Readonly<{
  name: string;
  seconds: number;
  rows: readonly Row[];
  details: Record<string, unknown>;
}>;

const kafkaVersion = (): string => {
  const script = readFileSync(`${repoRoot}/infra/kafka.sh`, 'utf8');
  return /^KAFKA_VERSION=(\S+)/m.exec(script)?.[1] ?? 'unknown';
};

const kafkajsVersion = (): string => {
  const require = createRequire(import.meta.url);
  return (require('kafkajs/package.json') as { version: string }).version;
};

/** The machine, versions and database settings the figures were measured on. */
export const environment = async (serverUrl: string) => {
  const [version] = await queryOnce<{ version: string }>(serverUrl, 'select version()');
  const settings = await queryOnce<{ name: string; setting: string }>(
    serverUrl,
    `select name, setting from pg_settings where name in
      ('synchronous_commit','fsync','wal_sync_method','shared_buffers','max_connections','commit_delay')`,
  );
  return {
    machine: {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      freeMemoryMbAtStart: Math.round(freemem() / 2 ** 20),
      loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
      platform: `${process.platform} ${process.arch}`,
    },
    versions: {
      node: process.version,
      kafka: `${kafkaVersion()} (infra/kafka.sh)`,
      kafkajs: kafkajsVersion(),
      postgres: version?.version ?? 'unknown',
    },
    postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
  };
};

const cell = (v: unknown): string => {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'NO';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1);
  return String(v);
};

/** A plain-text table of every scenario's rows. */
export const formatTable = (results: readonly ScenarioResult[]): string => {
  const header = ['scenario', 'measure', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'];
  const lines = results.flatMap((r) =>
    r.rows.map((row) => [
      r.name,
      row.measure,
      cell(row.value),
      row.unit,
      cell(row.baseline),
      cell(row.ratio),
      cell(row.target),
      cell(row.met),
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (l: readonly string[]) => l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
};
