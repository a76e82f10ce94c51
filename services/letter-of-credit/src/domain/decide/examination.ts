import type { LcEvent } from '@railbill/contracts';
import type { ExaminationFacts } from '../commands.ts';
import { shipmentDate } from '../examination/context.ts';
import { examine } from '../examination/examine.ts';
import type { Credit, Presentation } from '../state.ts';
import { creditNumberOf } from './guards.ts';

/** Earlier drawings under the credit: presentations other than this one that were not refused (UCP 30, 31). */
const earlierDrawings = (credit: Credit, presentationId: string) =>
  credit.presentations
    .filter((p) => p.id !== presentationId && p.status !== 'refused' && p.status !== 'awaiting_documents')
    .map((p) => ({ waybillId: p.waybillId, amount: p.paidAmount ?? p.honouredAmount ?? p.invoice.amount }));

type Presented = Pick<Presentation, 'id' | 'waybillId' | 'invoice' | 'documents' | 'presentedOn'>;

/** The `lc.examined` event of a presentation (UCP 14: on the documents alone; an unseen bill is missing). */
export const examined = (credit: Credit, presentation: Presented, facts: ExaminationFacts): LcEvent => {
  const discrepancies = examine({
    terms: credit.terms,
    presentation,
    bill: facts.bill,
    presentedOn: presentation.presentedOn,
    timeZone: facts.timeZone,
    calendar: facts.calendar,
    earlier: earlierDrawings(credit, presentation.id),
    carrier: facts.carrier,
  });
  const holder = facts.bill?.holder == null ? {} : { billHolder: facts.bill.holder };
  const shipped =
    facts.bill === undefined || facts.bill.status === 'submitted' ? null : shipmentDate(facts.bill, facts.timeZone);
  return {
    type: 'lc.examined',
    data: {
      ...creditNumberOf(credit),
      presentationId: presentation.id,
      result: discrepancies.length === 0 ? 'complying' : 'discrepant',
      discrepancies: [...discrepancies],
      ...holder,
      ...(shipped === null ? {} : { shipmentDate: shipped }),
    },
  };
};
