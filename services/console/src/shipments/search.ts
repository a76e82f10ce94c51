import type { Executor } from '@railbill/platform';
import { and, arrayContains, desc, eq, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Page } from '../store/queries.ts';
import { shipments } from '../store/schema.ts';
import type { ShipmentSummary } from '../timeline/summarize.ts';

/** The shipment list's filters (all optional, combined with AND); `q` matches any of them. */
export type ShipmentFilter = Readonly<{
  q?: string;
  billNumber?: string;
  container?: string;
  creditNumber?: string;
  party?: string;
  status?: string;
  place?: string;
}>;

export type ShipmentItem = Readonly<{
  waybillId: string;
  billNumber: string | null;
  status: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  shipper: string | null;
  consignee: string | null;
  holder: string | null;
  containers: string[];
  creditNumbers: string[];
  position: ShipmentSummary['position'];
  attention: string[];
  lastEventAt: string;
}>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const whereOf = (f: ShipmentFilter): SQL[] => {
  const w: SQL[] = [];
  if (f.billNumber !== undefined) w.push(ilike(shipments.billNumber, `${escapeLike(f.billNumber)}%`));
  if (f.container !== undefined) w.push(arrayContains(shipments.containers, [f.container.toUpperCase()]));
  if (f.creditNumber !== undefined) w.push(arrayContains(shipments.creditNumbers, [f.creditNumber]));
  if (f.party !== undefined) w.push(arrayContains(shipments.parties, [f.party]));
  if (f.status !== undefined) w.push(eq(shipments.status, f.status));
  if (f.place !== undefined) w.push(arrayContains(shipments.places, [f.place.toUpperCase()]));
  if (f.q !== undefined) {
    const q = f.q;
    const any =
      or(
        ilike(shipments.billNumber, `${escapeLike(q)}%`),
        eq(shipments.waybillId, q),
        arrayContains(shipments.containers, [q.toUpperCase()]),
        arrayContains(shipments.creditNumbers, [q]),
        arrayContains(shipments.parties, [q]),
        arrayContains(shipments.places, [q.toUpperCase()]),
      ) ?? sql`false`;
    w.push(any);
  }
  return w;
};

/** Cursor: the last row's (lastSeq, waybillId), opaque. */
export const encodeShipmentCursor = (seq: number, id: string): string =>
  Buffer.from(`w:${seq}:${id}`, 'utf8').toString('base64url');
export const decodeShipmentCursor = (cursor: string): { seq: number; id: string } | undefined => {
  const m = /^w:(\d{1,15}):([\w-]{1,200})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m?.[1] === undefined || m[2] === undefined ? undefined : { seq: Number(m[1]), id: m[2] };
};

const itemOf = (r: typeof shipments.$inferSelect): ShipmentItem => {
  const s = r.summary as ShipmentSummary;
  return {
    waybillId: r.waybillId,
    billNumber: r.billNumber,
    status: r.status,
    type: s.type,
    from: s.content?.placeOfReceipt ?? null,
    to: s.content?.placeOfDelivery ?? null,
    shipper: s.content?.shipper ?? null,
    consignee: s.content?.consignee ?? null,
    holder: s.holder,
    containers: r.containers,
    creditNumbers: r.creditNumbers,
    position: s.position,
    attention: r.attention,
    lastEventAt: r.lastEventAt,
  };
};

/** Most recently active first. */
export const searchShipments = async (
  db: Executor,
  f: ShipmentFilter,
  limit: number,
  after: { seq: number; id: string } | undefined,
): Promise<Page<ShipmentItem>> => {
  const before =
    after === undefined
      ? []
      : [
          or(
            lt(shipments.lastSeq, after.seq),
            and(eq(shipments.lastSeq, after.seq), lt(shipments.waybillId, after.id)),
          ) ?? sql`false`,
        ];
  const rows = await db
    .select()
    .from(shipments)
    .where(and(...whereOf(f), ...before))
    .orderBy(desc(shipments.lastSeq), desc(shipments.waybillId))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(itemOf);
  const last = rows[limit - 1];
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeShipmentCursor(last.lastSeq, last.waybillId) : null,
  };
};
