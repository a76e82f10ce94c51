import { accept, type CustomsEvent, type Decision, reject } from '@railbill/contracts';
import { servesOffice } from '../access.ts';
import type { Discharge } from '../commands.ts';
import type { Declaration } from '../state.ts';

/**
 * docs/contract.md §5: a transit released at its office of departure ends `discharged` at its office of destination — the bill's
 * current place of delivery, which a change of destination moves (docs/title.md).
 */
export const discharge = (cmd: Discharge, d: Declaration): Decision<CustomsEvent> => {
  if (cmd.by.role !== 'customs') return reject('forbidden', 'not-customs', 'only customs discharges a transit');
  if (d.type !== 'transit') return reject('rule', 'not-transit', `an ${d.type} declaration is not discharged`);
  const destination = cmd.billPlaceOfDelivery ?? d.destinationOffice;
  if (!servesOffice(cmd.by, destination))
    return reject('forbidden', 'not-office', `the transit is discharged at ${destination ?? 'its destination'}`);
  if (d.status === 'discharged') return reject('conflict', 'already-discharged', 'the transit is already discharged');
  if (d.status !== 'released') return reject('conflict', 'not-released', `a ${d.status} transit cannot be discharged`);
  const { waybillId, type: declarationType, office } = d;
  return accept({
    type: 'customs.discharged',
    data: { waybillId, declarationType, office, status: 'discharged', at: cmd.at, by: cmd.by.id },
  });
};
