import { assertNever, evolveBillSummary, type WaybillEvent } from '@railbill/contracts';
import type { FoldState, HolderStep, TimelineEvent } from './shipment-summary.ts';

const causation = (d: Readonly<{ causationId?: string | undefined }>) =>
  d.causationId === undefined ? {} : { causationId: d.causationId };

const answerInstruction = (
  st: FoldState,
  d: Readonly<{ n: number; kind: string }>,
  answer: 'accepted' | 'rejected',
): void => {
  const found = st.instructions.find((i) => i.n === d.n);
  if (found !== undefined) found.status = answer;
  if (answer === 'rejected') return;
  if (d.kind === 'stop') st.stopped = true;
  if (d.kind === 'resume') st.stopped = false;
};

/**
 * Folds one bill event: the bill itself by the public fold of contracts, and the timeline's own record of it: the
 * chain of title acts (docs/title.md), the holder's instructions and the milestones per leg.
 */
export const foldWaybill = (st: FoldState, e: TimelineEvent<WaybillEvent>): void => {
  st.bill = evolveBillSummary(st.bill, e, { waybillId: e.subject, time: e.time });
  const act = (step: HolderStep): void => {
    st.holders.push(step);
  };
  switch (e.type) {
    case 'waybill.issued':
      act({ holder: e.data.holder, at: e.time, via: 'issued', kind: 'issue' });
      return;
    case 'waybill.endorsed': {
      const d = e.data;
      const blank = d.blank === true;
      const via = blank ? 'endorsed in blank' : d.causationId === undefined ? 'endorsed' : 'endorsed on payment';
      act({ holder: d.to, from: d.from, at: d.at, via, kind: blank ? 'blank_endorse' : 'endorse', ...causation(d) });
      return;
    }
    case 'waybill.transferred': {
      const d = e.data;
      const via = d.causationId === undefined ? 'transferred' : 'transferred on forward';
      act({ holder: d.to, from: d.from, at: d.at, via, kind: 'transfer', ...causation(d) });
      return;
    }
    case 'waybill.receipt_rejected': {
      const d = e.data;
      act({ holder: d.holder, from: d.rejectedBy, at: d.at, via: `${d.undone} rejected`, kind: 'reject' });
      return;
    }
    case 'waybill.pledged':
      act({ holder: e.data.pledgee, from: e.data.pledgor, at: e.data.at, via: 'pledged', kind: 'pledge' });
      return;
    case 'waybill.pledge_released': {
      const d = e.data;
      act({ holder: d.pledgor, from: d.pledgee, at: d.at, via: 'pledge released', kind: 'pledge_release' });
      return;
    }
    case 'waybill.pledge_enforced': {
      const d = e.data;
      act({ holder: d.pledgee, from: d.pledgor, at: d.at, via: 'pledge enforced', kind: 'pledge_enforce' });
      return;
    }
    case 'waybill.surrendered':
      act({ holder: e.data.surrenderedBy, at: e.time, via: 'surrendered', kind: 'surrender' });
      return;
    case 'waybill.instruction_given':
      st.instructions.push({ n: e.data.n, kind: e.data.kind, status: 'requested', at: e.data.at });
      return;
    case 'waybill.instruction_accepted':
      answerInstruction(st, e.data, 'accepted');
      return;
    case 'waybill.instruction_rejected':
      answerInstruction(st, e.data, 'rejected');
      return;
    case 'waybill.milestone_recorded': {
      const d = e.data;
      const list = st.milestones.get(d.leg) ?? [];
      list.push({ event: d.event, at: d.at, location: d.location, name: d.name });
      st.milestones.set(d.leg, list);
      return;
    }
    case 'waybill.submitted':
    case 'waybill.amended':
    case 'waybill.amendment_requested':
    case 'waybill.amendment_rejected':
    case 'waybill.accomplished':
    case 'waybill.voided':
      return;
    default:
      assertNever(e);
  }
};
