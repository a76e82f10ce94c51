import type { CreditStatus, DeclarationType } from '@railbill/contracts';
import { type Executor, queryableOf, type Tx } from '@railbill/platform';

/** Latest declaration status per type, from consumed `customs.events.v1` (docs/contract.md §3: gates departure and surrender). */
export type Clearance = Readonly<{ export: string | null; transit: string | null; import: string | null }>;
export const DECLARATION_PROJECTION = 'declaration';
export const CREDIT_PROJECTION = 'credit';
export const noClearance: Clearance = { export: null, transit: null, import: null };

/** One declaration as the waybill service knows it from `customs.events.v1`. */
export type DeclarationFacts = Readonly<{ waybillId: string; type: DeclarationType; status: string }>;

// the bill's declarations, oldest change first (named statements: parsed and planned once per connection)
const DECLARATIONS = `select coalesce(json_agg(state order by updated_at), '[]'::json) from projections
  where name = '${DECLARATION_PROJECTION}' and state->>'waybillId' = $1::text`;
const LOAD_CLEARANCE = {
  name: 'waybill_load_clearance',
  text: `select (${DECLARATIONS}) as declarations`,
};

/** The bill's clearance: per type, the status of its most recently changed declaration. */
export const loadClearance = async (db: Executor, waybillId: string): Promise<Clearance> => {
  const result = await queryableOf(db).query<{ declarations: DeclarationFacts[] }>({
    ...LOAD_CLEARANCE,
    values: [waybillId],
  });
  return clearanceOf(result.rows[0]?.declarations ?? []);
};

/** Per type, the status of the last declaration in `declarations` (ordered by their last change). */
export const clearanceOf = (declarations: readonly DeclarationFacts[]): Clearance => {
  const c: { -readonly [K in keyof Clearance]: Clearance[K] } = { ...noClearance };
  for (const d of declarations) c[d.type] = d.status;
  return c;
};

/** Status of a credit by its number, from consumed `lc.events.v1`. */
export type CreditFacts = Readonly<{
  creditId: string;
  status: CreditStatus;
  /** Issuing, nominated and advising bank (docs/title.md: the banks that may release the bill). */
  banks: readonly string[];
  applicant: string | null;
  /** Who presented which bill, for giving it back on a refusal with disposal `returning`. */
  presentations: Readonly<Record<string, Readonly<{ waybillId: string; presentedBy: string }>>>;
}>;

/** The carrier's next bill number, e.g. SILKRAIL-2026-000042: a prefix of its id, the year, a sequence number. */
const NEXT_BILL_NUMBER = { name: 'waybill_next_bill_number', text: `select nextval('bill_number_seq')::text as n` };

export const nextBillNumber = async (tx: Tx, carrierId: string, at: string): Promise<string> => {
  const rows = await queryableOf(tx).query<{ n: string }>(NEXT_BILL_NUMBER);
  const prefix =
    carrierId
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 8)
      .toUpperCase() || 'BILL';
  return `${prefix}-${at.slice(0, 4)}-${(rows.rows[0]?.n ?? '0').padStart(6, '0')}`;
};

const LOAD_BILL_FACTS = {
  name: 'waybill_load_bill_facts',
  text: `select (${DECLARATIONS}) as declarations,
    (select state->>'status' from projections where name = '${CREDIT_PROJECTION}' and id = $2::text) as "creditStatus"`,
};

/**
 * The other documents' status a bill shows (docs/contract.md §8 `customs`, `credit`), in one round trip: the
 * declarations (as `loadClearance`) and the status of the credit the bill names, from the `credit` projection.
 */
export const loadBillFacts = async (
  db: Executor,
  waybillId: string,
  bill: Readonly<{ content: Readonly<{ creditNumber?: string | undefined }> }>,
): Promise<Readonly<{ customs: Clearance; creditStatus: string | null }>> => {
  const result = await queryableOf(db).query<{ declarations: DeclarationFacts[]; creditStatus: string | null }>({
    ...LOAD_BILL_FACTS,
    // no credit number: a key no projection row has (ids are never null)
    values: [waybillId, bill.content.creditNumber ?? null],
  });
  const row = result.rows[0];
  return { customs: clearanceOf(row?.declarations ?? []), creditStatus: row?.creditStatus ?? null };
};
