/**
 * PENDING CONTRACTS — event types the console already folds but that this branch's `packages/contracts` does not
 * define yet (title acts and instructions, forwarded documents, bank messages, duty payment; docs/contract.md §3–§5).
 * They are matched here by their type string and read defensively. Once a type is in the contracts' catalogue,
 * move its case into the typed switch of its document in `summarize.ts` (`foldWaybill`, `foldCredit`,
 * `foldDeclaration`) and read its data with `dataOf`; this file should then shrink to nothing.
 */
import { type CreditSummary, type FoldState, presentationOf, type TimelineEvent, titleAct } from './summarize.ts';

type Loose = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The party a loose `data` names under the first of `keys` that holds a string. */
const party = (d: Loose, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = str(d[k]);
    if (v !== undefined) return v;
  }
  return undefined;
};

/** Waybill types of the title and instruction work (waybill.transferred … waybill.instruction_rejected). */
export const foldPendingWaybill = (st: FoldState, e: TimelineEvent): void => {
  const { s } = st;
  const d = (e.data ?? {}) as Loose;
  const at = str(d.at) ?? e.time;
  const causation = str(d.causationId);
  const extra = causation === undefined ? {} : { causationId: causation };
  switch (e.type) {
    case 'waybill.transferred': {
      const to = party(d, 'to', 'holder');
      if (to !== undefined)
        titleAct(st, {
          holder: to,
          from: party(d, 'from') ?? s.holder ?? '',
          at,
          via: 'transferred',
          kind: 'transfer',
          ...extra,
        });
      return;
    }
    case 'waybill.receipt_rejected': {
      // the bill returns to where it was before the last title act
      const last = s.holders.at(-1);
      const back = party(d, 'holder', 'to', 'returnedTo') ?? last?.from;
      if (back !== undefined)
        titleAct(st, { holder: back, from: last?.holder, at, via: 'receipt rejected', kind: 'reject' });
      if (last?.kind === 'pledge') s.pledge = null;
      if (last?.kind === 'endorse' && typeof d.orderOf !== 'undefined') s.orderOf = str(d.orderOf) ?? null;
      return;
    }
    case 'waybill.pledged': {
      const pledgee = party(d, 'pledgee', 'to');
      const pledgor = party(d, 'pledgor', 'from') ?? s.holder ?? '';
      if (pledgee === undefined) return;
      s.pledge = { pledgee, pledgor, since: at };
      titleAct(st, { holder: pledgee, from: pledgor, at, via: 'pledged', kind: 'pledge', ...extra });
      return;
    }
    case 'waybill.pledge_released': {
      const pledgor = party(d, 'pledgor', 'to') ?? s.pledge?.pledgor;
      if (pledgor !== undefined)
        titleAct(st, { holder: pledgor, from: s.pledge?.pledgee, at, via: 'pledge released', kind: 'pledge_release' });
      s.pledge = null;
      return;
    }
    case 'waybill.pledge_enforced': {
      const pledgee = party(d, 'pledgee', 'by') ?? s.pledge?.pledgee;
      if (pledgee !== undefined) {
        if (s.orderOf !== null) s.orderOf = pledgee;
        titleAct(st, { holder: pledgee, from: s.pledge?.pledgor, at, via: 'pledge enforced', kind: 'pledge_enforce' });
      }
      s.pledge = null;
      return;
    }
    case 'waybill.instruction_given': {
      const n = num(d.n) ?? s.instructions.length + 1;
      s.instructions.push({ n, kind: str(d.kind) ?? 'instruction', status: 'requested', at });
      return;
    }
    case 'waybill.instruction_accepted':
    case 'waybill.instruction_rejected': {
      const n = num(d.n);
      const found = s.instructions.find((i) => i.n === n) ?? s.instructions.findLast((i) => i.status === 'requested');
      if (found === undefined) return;
      const accepted = e.type === 'waybill.instruction_accepted';
      found.status = accepted ? 'accepted' : 'rejected';
      if (!accepted) return;
      const kind = str(d.kind) ?? found.kind;
      if (kind === 'stop') s.stopped = true;
      if (kind === 'resume') s.stopped = false;
      const place = str(d.placeOfDelivery);
      if (kind === 'change_destination' && place !== undefined && s.content !== null) {
        const legs = s.content.legs.map((l, i, all) => (i === all.length - 1 ? { ...l, to: place } : l));
        s.content = { ...s.content, placeOfDelivery: place, legs };
      }
      return;
    }
    default:
    // a type the console does not know yet: it stays in the event list, the summary ignores it
  }
};

/** Letter-of-credit types: forwarded documents and the bank messages' records. */
export const foldPendingCredit = (_st: FoldState, c: CreditSummary, e: TimelineEvent): void => {
  const d = (e.data ?? {}) as Loose;
  if (e.type === 'lc.documents_forwarded') {
    const id = str(d.presentationId);
    if (id !== undefined) presentationOf(c, id).status = 'forwarded';
    return;
  }
  // a bank message record (SWIFT MT…): any credit event whose data names its message type
  const mt = str(d.mt);
  if (mt !== undefined) {
    const n = num(d.n);
    const sender = str(d.sender);
    const receiver = str(d.receiver);
    c.messages.push({
      mt,
      at: str(d.createdAt) ?? e.time,
      eventType: e.type,
      ...(n === undefined ? {} : { n }),
      ...(sender === undefined ? {} : { sender }),
      ...(receiver === undefined ? {} : { receiver }),
    });
  }
};
