import { type CustomsEvent, type Decision, type Locode, reject } from '@railbill/contracts';
import { type BillFacts, billPartiesOf } from '../bill-facts.ts';
import type { LodgeImport } from '../commands.ts';
import { territoryOf } from '../duties/tariff.ts';
import type { DecideEnv } from '../env.ts';
import { importLines } from '../goods.ts';
import { type Valued, valueGoods } from '../valuation/value-goods.ts';
import { lodge, trader } from './lodge.ts';

/**
 * The goods at their customs value at the point of entry, in the office's territory's currency (docs/contract.md §5).
 */
const importGoods = (cmd: LodgeImport, bill: BillFacts, office: Locode, env: DecideEnv): Valued => {
  const territory = territoryOf(env.tariff, office);
  if (territory === undefined) return { ok: false, code: 'no-tariff-for-office', detail: `no tariff covers ${office}` };
  const lines = importLines(bill, cmd.goods, cmd.shipperCountry);
  if (!lines.ok) return lines;
  return valueGoods({
    lines: lines.lines,
    declaredValue: bill.content.declaredValue,
    incoterm: bill.content.incoterm,
    costsToEntry: cmd.costsToEntry,
    freightAfterEntry: cmd.freightAfterEntry,
    territory,
    rates: env.tariff.exchangeRates,
    date: cmd.at.slice(0, 10),
  });
};

/** SPEC §5: the bill's consignee lodges the import at the office it names, by default the place of delivery. */
export const lodgeImport = (cmd: LodgeImport, env: DecideEnv): Decision<CustomsEvent> => {
  const { bill } = cmd;
  // SPEC §2: a party never learns that a bill it is not on exists.
  if (bill === undefined || !billPartiesOf(bill).includes(cmd.by.id))
    return reject('not_found', 'waybill-not-found', 'no such waybill');
  if (cmd.by.id !== bill.content.consignee)
    return reject('forbidden', 'not-consignee', 'only the consignee of the bill lodges its import');
  if (bill.status !== 'issued')
    return reject('conflict', 'bill-not-issued', `an import is lodged for an issued bill, not a ${bill.status} one`);
  if (cmd.siblings.some((s) => s.type === 'import' && s.status !== 'rejected'))
    return reject(
      'conflict',
      'import-already-lodged',
      'the bill already has an import declaration that was not rejected',
    );
  const office = cmd.office ?? bill.content.placeOfDelivery;
  const goods = importGoods(cmd, bill, office, env);
  if (!goods.ok) return reject('rule', goods.code, goods.detail);
  const importer = trader(bill.content.consignee, cmd.aeo);
  return lodge(
    {
      declarationId: cmd.declarationId,
      at: cmd.at,
      lodgedBy: cmd.by.id,
      type: 'import',
      waybillId: bill.waybillId,
      office,
      goods: goods.goods,
      declarant: importer,
      // customs.md §3: the exporter's AEO status is quoted on the import under the MRAs.
      exporter: trader(bill.content.shipper, cmd.aeo),
      importer,
      billNumber: bill.billNumber,
      billParties: billPartiesOf(bill),
    },
    env,
  );
};
