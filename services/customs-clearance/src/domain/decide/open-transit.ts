import { type CustomsEvent, type Decision, reject } from '@railbill/contracts';
import { billPartiesOf, transitFor } from '../bill-facts.ts';
import type { OpenTransit } from '../commands.ts';
import type { DecideEnv } from '../env.ts';
import { goodsFromBill } from '../goods.ts';
import { lodge, trader } from './lodge.ts';

/**
 * docs/contract.md §5: a transit from the `border_crossed` station to the bill's place of delivery; the carrier of the leg is the
 * holder of the procedure (docs/customs.md, T1), so the declarant.
 */
export const openTransit = (cmd: OpenTransit, env: DecideEnv): Decision<CustomsEvent> => {
  const { bill } = cmd;
  if (bill.status !== 'issued')
    return reject('conflict', 'bill-not-issued', `a transit is opened for an issued bill, not a ${bill.status} one`);
  const leg = bill.content.legs.find((l) => l.sequence === cmd.leg);
  if (leg === undefined) return reject('rule', 'no-such-leg', `the bill has no leg ${cmd.leg}`);
  const offices = transitFor(bill, cmd.station, env.tariff);
  if (offices === undefined)
    return reject(
      'rule',
      'not-a-transit-entry',
      `${cmd.station} is no entry into the customs territory of ${bill.content.placeOfDelivery}`,
    );
  return lodge(
    {
      declarationId: cmd.declarationId,
      at: cmd.at,
      lodgedBy: cmd.by,
      type: 'transit',
      waybillId: bill.waybillId,
      ...offices,
      goods: goodsFromBill(bill, cmd.shipperCountry),
      declarant: trader(leg.carrier, cmd.aeo),
      exporter: trader(bill.content.shipper, cmd.aeo),
      importer: trader(bill.content.consignee, cmd.aeo),
      billNumber: bill.billNumber,
      billParties: billPartiesOf(bill),
    },
    env,
  );
};
