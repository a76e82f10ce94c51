import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Locode, Role } from '@railbill/contracts';
import { z } from 'zod';

/** One entry of the parties file (docs/contract.md §2). */
export const PartyRecord = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: Role,
  token: z.string().min(16, 'tokens must be at least 16 characters'),
  aeo: z.boolean().optional(),
  signingKey: z.string().optional(),
  offices: z.array(Locode).optional(),
  bic: z.string().optional(),
  /** Up to 3 lines shown with the name where a document or message shows the party (e.g. MT700 50 and 59). */
  address: z.array(z.string().min(1)).max(3).optional(),
  /** ISO 3166-1 alpha-2 (docs/contract.md §2); customs takes a shipper's as the goods' default origin. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Banks: the banking-day calendar id (e.g. CN, TARGET2, DE-NW, SG); by default the one of the BIC's country. */
  calendar: z.string().min(1).optional(),
});
export type PartyRecord = z.infer<typeof PartyRecord>;

/** The authenticated caller, without its secrets. */
export type Party = Readonly<Omit<PartyRecord, 'token' | 'signingKey'>>;

export type Parties = Readonly<{
  /** Constant-time token lookup: every stored digest is compared, whatever matches. */
  authenticate: (token: string) => Party | undefined;
  byId: (id: string) => Party | undefined;
  roleOf: (id: string) => Role | undefined;
  all: readonly Party[];
  signingKeyOf: (id: string) => string | undefined;
}>;

export const defaultPartiesFile = fileURLToPath(new URL('../../../infra/parties.local.json', import.meta.url));

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export const createParties = (records: readonly PartyRecord[]): Parties => {
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new Error(`duplicate party id ${r.id} in parties file`);
    ids.add(r.id);
  }
  const entries = records.map((r) => {
    const { token, signingKey, ...party } = r;
    return { digest: digest(token), party: party as Party, signingKey };
  });
  const byId = new Map(entries.map((e) => [e.party.id, e]));
  return {
    authenticate: (token) => {
      const presented = digest(token);
      let found: Party | undefined;
      for (const e of entries) if (timingSafeEqual(e.digest, presented)) found = e.party;
      return found;
    },
    byId: (id) => byId.get(id)?.party,
    roleOf: (id) => byId.get(id)?.party.role,
    all: entries.map((e) => e.party),
    signingKeyOf: (id) => byId.get(id)?.signingKey,
  };
};

/** Validates the parties of a JSON text (docs/contract.md §2); `source` names it in the error. */
export const parseParties = (json: string, source: string): Parties => {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`invalid parties in ${source}: not JSON`);
  }
  const parsed = z.array(PartyRecord).safeParse(value);
  if (!parsed.success) throw new Error(`invalid parties in ${source}: ${parsed.error.message}`);
  return createParties(parsed.data);
};

/**
 * The parties: from `RAILBILL_PARTIES_JSON` (production: the whole file's content, keys included, from the
 * environment), else from the file named by `RAILBILL_PARTIES` (default: the local seed file).
 */
export const loadParties = (
  source: Readonly<{ file?: string | undefined; json?: string | undefined }> = {},
): Parties =>
  source.json !== undefined
    ? parseParties(source.json, 'RAILBILL_PARTIES_JSON')
    : parseParties(readFileSync(source.file ?? defaultPartiesFile, 'utf8'), source.file ?? defaultPartiesFile);
