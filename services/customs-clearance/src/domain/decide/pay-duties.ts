import { accept, type CustomsEvent, type Decision, type Duties, decimal, reject } from '@railbill/contracts';
import type { PayDuties } from '../commands.ts';
import type { Declaration } from '../state.ts';

/** docs/contract.md §5: an import with duty or VAT above zero is released only once they are paid or guaranteed. */
export const owesDuties = (duties: Pick<Duties, 'duty' | 'vat'>): boolean =>
  decimal.cmp(decimal.add(duties.duty.amount, duties.vat.amount), '0') > 0;

/** Whether the declaration still waits for its duties before release. */
export const awaitsDuties = (d: Declaration): boolean =>
  d.duties !== undefined && d.duties.status === 'assessed' && owesDuties(d.duties);

/**
 * `POST /declarations/{id}/payment` by the importer: records the payment or guarantee (`customs.duties_paid`) and,
 * when the declaration waits only for it (accepted, its channel decided), releases the goods.
 */
export const payDuties = (cmd: PayDuties, d: Declaration): Decision<CustomsEvent> => {
  if (d.type !== 'import' || d.duties === undefined)
    return reject('rule', 'no-duties', `a ${d.type} declaration has no duties to pay`);
  if (cmd.by.id !== (d.importer?.id ?? d.lodgedBy))
    return reject('forbidden', 'not-importer', 'only the importer pays or guarantees the duties');
  if (d.duties.status !== 'assessed')
    return reject('conflict', 'duties-settled', `the duties are already ${d.duties.status}`);
  if (!owesDuties(d.duties)) return reject('conflict', 'nothing-to-pay', 'the declaration owes no duty and no VAT');
  if (d.status === 'rejected') return reject('conflict', 'declaration-rejected', 'the declaration was rejected');
  const ref = { waybillId: d.waybillId, declarationType: d.type, office: d.office, at: cmd.at };
  const settled = cmd.method === 'paid' ? 'duties paid' : 'duties guaranteed';
  const paid: CustomsEvent = {
    type: 'customs.duties_paid',
    data: {
      ...ref,
      status: d.status,
      by: cmd.by.id,
      method: cmd.method,
      reference: cmd.reference,
      duty: d.duties.duty,
      vat: d.duties.vat,
    },
  };
  if (d.status !== 'accepted' || d.channel === null) return accept(paid);
  return accept<CustomsEvent>(paid, {
    type: 'customs.released',
    data: { ...ref, status: 'released', reason: `${settled}: released` },
  });
};
