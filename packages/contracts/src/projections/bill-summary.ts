import { assertNever } from '../decision.ts';
import { applyWaybillChanges, type WaybillEvent } from '../events/waybill.ts';
import type { WaybillContent } from '../events/waybill-content.ts';

/** What any consumer of `waybill.events.v1` knows about a bill: a pure fold, no I/O. */
export type BillSummary = Readonly<{
  waybillId: string;
  status: 'submitted' | 'issued' | 'surrendered' | 'accomplished' | 'void';
  content: WaybillContent;
  billNumber: string | null;
  holder: string | null;
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
      firstDepartureAt: null,
      updatedAt: meta.time,
    };
  }
  if (summary === undefined) return undefined;
  const next = { ...summary, updatedAt: meta.time };
  switch (event.type) {
    case 'waybill.issued':
      return { ...next, status: 'issued', billNumber: event.data.billNumber, holder: event.data.holder };
    case 'waybill.endorsed':
      return { ...next, holder: event.data.to };
    case 'waybill.milestone_recorded':
      return event.data.event === 'departed' && summary.firstDepartureAt === null
        ? { ...next, firstDepartureAt: event.data.at }
        : next;
    case 'waybill.amended':
      return { ...next, content: applyWaybillChanges(summary.content, event.data.changes) };
    case 'waybill.surrendered':
      return { ...next, status: 'surrendered' };
    case 'waybill.accomplished':
      return { ...next, status: 'accomplished', holder: null };
    case 'waybill.voided':
      return { ...next, status: 'void' };
    case 'waybill.amendment_requested':
    case 'waybill.amendment_rejected':
      return next;
    default:
      return assertNever(event);
  }
};
