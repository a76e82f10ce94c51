import type { CreditStatus, DeclarationType } from '@railbill/contracts';
import { type Executor, loadProjection, projections, type Tx } from '@railbill/platform';
import { and, asc, eq, sql } from 'drizzle-orm';

/** Latest declaration status per type, from consumed `customs.events.v1` (docs/contract.md §3: gates departure and surrender). */
export type Clearance = Readonly<{ export: string | null; transit: string | null; import: string | null }>;
export const DECLARATION_PROJECTION = 'declaration';
export const CREDIT_PROJECTION = 'credit';
export const noClearance: Clearance = { export: null, transit: null, import: null };

/** One declaration as the waybill service knows it from `customs.events.v1`. */
export type DeclarationFacts = Readonly<{ waybillId: string; type: DeclarationType; status: string }>;

/** The bill's clearance: per type, the status of its most recently changed declaration. */
export const loadClearance = async (db: Executor, waybillId: string): Promise<Clearance> => {
  const rows = await db
    .select({ state: projections.state })
    .from(projections)
    .where(and(eq(projections.name, DECLARATION_PROJECTION), sql`${projections.state}->>'waybillId' = ${waybillId}`))
    .orderBy(asc(projections.updatedAt));
  return clearanceOf(rows.map((r) => r.state as DeclarationFacts));
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

export const loadCreditStatus = async (db: Executor, creditNumber: string | undefined): Promise<string | null> =>
  creditNumber === undefined
    ? null
    : ((await loadProjection<CreditFacts>(db, CREDIT_PROJECTION, creditNumber))?.state.status ?? null);

/** The carrier's next bill number, e.g. SILKRAIL-2026-000042: a prefix of its id, the year, a sequence number. */
export const nextBillNumber = async (tx: Tx, carrierId: string, at: string): Promise<string> => {
  const rows = await tx.execute<{ n: string }>(sql`select nextval('bill_number_seq')::text as n`);
  const prefix =
    carrierId
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 8)
      .toUpperCase() || 'BILL';
  return `${prefix}-${at.slice(0, 4)}-${(rows.rows[0]?.n ?? '0').padStart(6, '0')}`;
};

/** The other documents' status a bill shows (docs/contract.md §8 `customs`, `credit`). */
export const loadBillFacts = async (
  db: Executor,
  waybillId: string,
  bill: Readonly<{ content: Readonly<{ creditNumber?: string | undefined }> }>,
): Promise<Readonly<{ customs: Clearance; creditStatus: string | null }>> => ({
  customs: await loadClearance(db, waybillId),
  creditStatus: await loadCreditStatus(db, bill.content.creditNumber),
});
