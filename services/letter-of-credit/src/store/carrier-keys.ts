import { type Executor, type Parties, queryableOf } from '@railbill/platform';
import { eq } from 'drizzle-orm';
import { publicKeyOfPem, signatureProblem, thumbprint } from '../carrier-signature.ts';
import type { BillView } from '../domain/examination/bill-view.ts';
import type { CarrierFacts } from '../domain/examination/context.ts';
import { carrierKeys } from './schema.ts';

/** Pins the first key consumed for a carrier with a signed bill (a later, different key does not replace it). */
export const pinCarrierKey = async (db: Executor, bill: BillView | null | undefined): Promise<void> => {
  const key = bill?.signature?.carrierKey;
  if (bill === undefined || bill === null || key === undefined || key === null) return;
  await queryableOf(db).query({ ...PIN_KEY, values: [bill.carrier, thumbprint(key), JSON.stringify(key)] });
};

const PIN_KEY = {
  name: 'lc_pin_carrier_key',
  text: 'insert into carrier_keys (carrier_id, key_id, jwk) values ($1, $2, $3::jsonb) on conflict do nothing',
};

/**
 * docs/ucp600.md §4: what examination knows of the bill's carrier: a party with role carrier, and its keys: the
 * `signingKey` the parties file configures, else the first one consumed with its bills.
 */
export const carrierFacts = async (
  db: Executor,
  parties: Parties,
  bill: BillView | undefined,
): Promise<CarrierFacts> => {
  if (bill === undefined) return { isCarrier: false, keyIds: [], signatureProblem: undefined };
  const isCarrier = parties.roleOf(bill.carrier) === 'carrier';
  const problem = signatureProblem(bill.signature ?? null, {
    waybillId: bill.waybillId,
    billNumber: bill.billNumber ?? null,
  });
  const pem = parties.signingKeyOf(bill.carrier);
  if (pem !== undefined) return { isCarrier, keyIds: [publicKeyOfPem(pem).kid], signatureProblem: problem };
  const rows = await db
    .select({ keyId: carrierKeys.keyId })
    .from(carrierKeys)
    .where(eq(carrierKeys.carrierId, bill.carrier));
  return { isCarrier, keyIds: rows.map((r) => r.keyId), signatureProblem: problem };
};
