import { contentAfterInstruction, type EventData, type EventType } from '@railbill/contracts';
import { dataOf, type FoldState, type TimelineEvent, titleAct } from './summarize.ts';

/** The waybill events of title and of the holder's instructions to the carrier (docs/title.md). */
export type TitleEventType = Extract<
  EventType,
  | 'waybill.transferred'
  | 'waybill.receipt_rejected'
  | 'waybill.pledged'
  | 'waybill.pledge_released'
  | 'waybill.pledge_enforced'
  | 'waybill.instruction_given'
  | 'waybill.instruction_accepted'
  | 'waybill.instruction_rejected'
>;

const causation = (d: Readonly<{ causationId?: string | undefined }>) =>
  d.causationId === undefined ? {} : { causationId: d.causationId };

const answerInstruction = (st: FoldState, d: EventData<'waybill.instruction_accepted'>, accepted: boolean): void => {
  const { s } = st;
  const found = s.instructions.find((i) => i.n === d.n);
  if (found !== undefined) found.status = accepted ? 'accepted' : 'rejected';
  if (!accepted) return;
  if (d.kind === 'stop') s.stopped = true;
  if (d.kind === 'resume') s.stopped = false;
  if (s.content !== null) s.content = contentAfterInstruction(s.content, d);
};

/** Folds one title or instruction event into the shipment's summary. */
export const foldTitleEvent = (st: FoldState, e: TimelineEvent, type: TitleEventType): void => {
  const { s } = st;
  switch (type) {
    case 'waybill.transferred': {
      const d = dataOf(e, type);
      const via = d.causationId === undefined ? 'transferred' : 'transferred on forward';
      titleAct(st, { holder: d.to, from: d.from, at: d.at, via, kind: 'transfer', ...causation(d) });
      return;
    }
    case 'waybill.receipt_rejected': {
      const d = dataOf(e, type);
      titleAct(st, { holder: d.holder, from: d.rejectedBy, at: d.at, via: `${d.undone} rejected`, kind: 'reject' });
      s.orderOf = d.orderOf;
      s.pledge = d.pledge;
      return;
    }
    case 'waybill.pledged': {
      const d = dataOf(e, type);
      s.pledge = { pledgee: d.pledgee, pledgor: d.pledgor, since: d.at };
      titleAct(st, { holder: d.pledgee, from: d.pledgor, at: d.at, via: 'pledged', kind: 'pledge' });
      return;
    }
    case 'waybill.pledge_released': {
      const d = dataOf(e, type);
      s.pledge = null;
      titleAct(st, { holder: d.pledgor, from: d.pledgee, at: d.at, via: 'pledge released', kind: 'pledge_release' });
      return;
    }
    case 'waybill.pledge_enforced': {
      const d = dataOf(e, type);
      s.pledge = null;
      s.orderOf = d.orderOf;
      titleAct(st, { holder: d.pledgee, from: d.pledgor, at: d.at, via: 'pledge enforced', kind: 'pledge_enforce' });
      return;
    }
    case 'waybill.instruction_given': {
      const d = dataOf(e, type);
      s.instructions.push({ n: d.n, kind: d.kind, status: 'requested', at: d.at });
      return;
    }
    case 'waybill.instruction_accepted':
      answerInstruction(st, dataOf(e, type), true);
      return;
    case 'waybill.instruction_rejected': {
      const d = dataOf(e, type);
      answerInstruction(st, { n: d.n, kind: d.kind, acceptedBy: d.rejectedBy, at: d.at }, false);
      return;
    }
  }
};
