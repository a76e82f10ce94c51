import { assertNever } from '../decision.ts';
import { applyWaybillChanges, contentAfterInstruction, type Pledge, type WaybillEvent } from '../events/waybill.ts';
import type { WaybillContent } from '../events/waybill-content.ts';
import { evolveTitle, isEntitled } from './title.ts';

/** What any consumer of `waybill.events.v1` knows about a bill: a pure fold, no I/O. */
export type BillSummary = Readonly<{
  waybillId: string;
  status: 'submitted' | 'issued' | 'surrendered' | 'accomplished' | 'void';
  content: WaybillContent;
  billNumber: string | null;
  holder: string | null;
  /** The order party (null: a bearer bill, or a straight waybill); docs/title.md. */
  orderOf: string | null;
  pledge: Pledge | null;
  firstDepartureAt: string | null;
  updatedAt: string;
}>;

/** Folds one waybill event into the summary; returns undefined while no `waybill.submitted` was seen. */
export const evolveBillSummary = (
  summary: BillSummary | undefined,
  event: WaybillEvent,
  meta: Readonly<{ waybillId: string; time: string }>,
): BillSummary | undefined => {
  if (event.type === 'waybill.submitted') {
    const { submittedBy: _by, warnings: _w, ...content } = event.data;
    return {
      waybillId: meta.waybillId,
      status: 'submitted',
      content,
      billNumber: null,
      holder: null,
      orderOf: null,
      pledge: null,
      firstDepartureAt: null,
      updatedAt: meta.time,
    };
  }
  if (summary === undefined) return undefined;
  const title = evolveTitle(summary, event, summary.content);
  const next = { ...summary, updatedAt: meta.time, holder: title.holder, orderOf: title.orderOf, pledge: title.pledge };
  switch (event.type) {
    case 'waybill.issued':
      return { ...next, status: 'issued', billNumber: event.data.billNumber };
    case 'waybill.endorsed':
    case 'waybill.transferred':
    case 'waybill.receipt_rejected':
    case 'waybill.pledged':
    case 'waybill.pledge_released':
    case 'waybill.pledge_enforced':
    case 'waybill.instruction_given':
    case 'waybill.instruction_rejected':
      return next;
    case 'waybill.instruction_accepted':
      return { ...next, content: contentAfterInstruction(summary.content, event.data) };
    case 'waybill.milestone_recorded':
      return event.data.event === 'departed' && summary.firstDepartureAt === null
        ? { ...next, firstDepartureAt: event.data.at }
        : next;
    case 'waybill.amended':
      return { ...next, content: applyWaybillChanges(summary.content, event.data.changes) };
    case 'waybill.surrendered':
      return { ...next, status: 'surrendered' };
    case 'waybill.accomplished':
      return { ...next, status: 'accomplished' };
    case 'waybill.voided':
      return { ...next, status: 'void' };
    case 'waybill.amendment_requested':
    case 'waybill.amendment_rejected':
      return next;
    default:
      return assertNever(event);
  }
};

/** May the bill's holder exercise its rights (lodge the import, surrender)? docs/title.md. */
export const holderIsEntitled = (summary: BillSummary): boolean => isEntitled(summary.content.type, summary);
