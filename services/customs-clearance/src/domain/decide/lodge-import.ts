import { type CustomsEvent, type Decision, holderIsEntitled, type Locode, reject } from '@railbill/contracts';
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

/** Roles that may hold a bill of lading, and so may come to be its entitled holder (docs/title.md). */
const holdingRoles: readonly string[] = ['shipper', 'consignee', 'bank'];

/**
 * The importer: the named consignee of a straight waybill, the entitled holder of a negotiable bill at the time —
 * whoever bought the goods in transit (docs/title.md). A party that could hold the bill but is not its entitled holder
 * now gets `conflict` (holding is state); any other role `forbidden`.
 */
const importerProblem = (
  cmd: LodgeImport,
  bill: NonNullable<LodgeImport['bill']>,
): Decision<CustomsEvent> | undefined => {
  if (bill.content.type === 'waybill')
    return cmd.by.id === bill.content.consignee
      ? undefined
      : reject('forbidden', 'not-consignee', 'only the consignee of a straight waybill lodges its import');
  if (bill.holder === cmd.by.id && holderIsEntitled(bill)) return undefined;
  return holdingRoles.includes(cmd.by.role)
    ? reject('conflict', 'not-entitled-holder', 'only the entitled holder of the bill lodges its import')
    : reject('forbidden', 'not-importer', 'only the entitled holder of the bill lodges its import');
};

/** docs/contract.md §5: the importer lodges the import at the office it names, by default the bill's current place of delivery. */
export const lodgeImport = (cmd: LodgeImport, env: DecideEnv): Decision<CustomsEvent> => {
  const { bill } = cmd;
  // docs/contract.md §2: a party never learns that a bill it is not on (nor holds) exists.
  if (bill === undefined || (!billPartiesOf(bill).includes(cmd.by.id) && bill.holder !== cmd.by.id))
    return reject('not_found', 'waybill-not-found', 'no such waybill');
  const notImporter = importerProblem(cmd, bill);
  if (notImporter !== undefined) return notImporter;
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
  const importer = trader(bill.content.type === 'waybill' ? bill.content.consignee : cmd.by.id, cmd.aeo);
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
      // docs/customs.md: the exporter's AEO status is quoted on the import under the MRAs.
      exporter: trader(bill.content.shipper, cmd.aeo),
      importer,
      billNumber: bill.billNumber,
      billParties: billPartiesOf(bill),
    },
    env,
  );
};
