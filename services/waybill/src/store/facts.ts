import type { CreditStatus, DeclarationType } from '@railbill/contracts';
import { type Executor, queryableOf, type Tx } from '@railbill/platform';

/** Latest declaration status per type, from consumed `customs.events.v1` (docs/contract.md §3: gates departure and surrender). */
export type Clearance = Readonly<{ export: string | null; transit: string | null; import: string | null }>;
export const DECLARATION_PROJECTION = 'declaration';
export const CREDIT_PROJECTION = 'credit';
export const noClearance: Clearance = { export: null, transit: null, import: null };

/** One declaration as the waybill service knows it from `customs.events.v1`. */
export type DeclarationFacts = Readonly<{ waybillId: string; type: DeclarationType; status: string }>;

/** The clearance of a bill without its credit's status (as `loadBillFacts`). */
export const loadClearance = async (db: Executor, waybillId: string): Promise<Clearance> =>
  (await loadBillFacts(db, waybillId, { content: {} })).customs;

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

/** The other documents' status a bill shows (docs/contract.md §8 `customs`, `credit`). */
export type OtherDocuments = Readonly<{ customs: Clearance; creditStatus: string | null }>;

/**
 * Per bill (`$1`, with the credit it names at the same place in `$2`, or null): its declarations, oldest change
 * first, and the status of its credit, from the `declaration` and `credit` projections. A named statement: parsed and
 * planned once per connection.
 */
const LOAD_FACTS = {
  name: 'waybill_load_facts',
  text: `select b.id as "waybillId",
    (select coalesce(json_agg(state order by updated_at), '[]'::json) from projections
      where name = '${DECLARATION_PROJECTION}' and state->>'waybillId' = b.id) as declarations,
    (select state->>'status' from projections where name = '${CREDIT_PROJECTION}' and id = b.credit) as "creditStatus"
    from unnest($1::text[], $2::text[]) as b(id, credit)`,
};

/** What `loadFactsOfBills` needs of a bill. */
type NamesCredit = Readonly<{ content: Readonly<{ creditNumber?: string | undefined }> }>;

/** The other documents' status of each bill, in one round trip (a page of the list, or one bill). */
export const loadFactsOfBills = async (
  db: Executor,
  bills: readonly Readonly<{ id: string; bill: NamesCredit }>[],
): Promise<ReadonlyMap<string, OtherDocuments>> => {
  if (bills.length === 0) return new Map();
  const result = await queryableOf(db).query<{
    waybillId: string;
    declarations: DeclarationFacts[];
    creditStatus: string | null;
  }>({
    ...LOAD_FACTS,
    values: [bills.map((b) => b.id), bills.map((b) => b.bill.content.creditNumber ?? null)],
  });
  return new Map(
    result.rows.map((r) => [r.waybillId, { customs: clearanceOf(r.declarations), creditStatus: r.creditStatus }]),
  );
};

/** One bill's `loadFactsOfBills`. */
export const loadBillFacts = async (db: Executor, waybillId: string, bill: NamesCredit): Promise<OtherDocuments> =>
  (await loadFactsOfBills(db, [{ id: waybillId, bill }])).get(waybillId) ?? {
    customs: noClearance,
    creditStatus: null,
  };
