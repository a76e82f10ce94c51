import { fc, test } from '@fast-check/vitest';
import { addMoney, compareAmounts, type LcEvent, money } from '@railbill/contracts';
import { expect } from 'vitest';
import type { Command } from './commands.ts';
import { maximumDrawing } from './credit-terms.ts';
import { decide } from './decide.ts';
import { foldEvents } from './state.ts';
import { actor, advised, command, issued, presentCmd } from './testing/builders.ts';
import { billC, creditC, invoiceC, party } from './testing/shipments.ts';

const terms = { ...creditC, latestShipmentDate: '2026-05-20' };
const bank = actor(party.yzcb);
const id = (n: number) => `019d0000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** One random step: present (random amount), waive, honour, refuse or pay the latest presentation. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('present' as const), cents: fc.integer({ min: 1, max: 70_000_000 }) }),
  fc.constantFrom(...(['waive', 'honour', 'refuse', 'pay'] as const)).map((kind) => ({ kind, cents: 0 })),
);

const toCommand = (s: { kind: string; cents: number }, n: number, latest: string): Command => {
  const today = '2026-05-25';
  switch (s.kind) {
    case 'present': {
      const amount = money(`${Math.floor(s.cents / 100)}.${String(s.cents % 100).padStart(2, '0')}`, 'USD');
      return presentCmd(terms, {
        id: id(n),
        waybillId: billC.waybillId,
        invoice: { ...invoiceC, amount },
        today,
        bill: billC,
      });
    }
    case 'waive':
      return command.waive(actor(party.ruhrort, 'consignee'), today, latest);
    case 'honour':
      return command.honour(bank, today, latest);
    case 'refuse':
      return command.refuse(bank, today);
    default:
      return command.pay(actor(party.rrhb), today, latest);
  }
};

test.prop([fc.array(step, { maxLength: 30 })])(
  'a credit never pays more than amount + tolerance (UCP 18(b))',
  (steps) => {
    let events: LcEvent[] = [issued(terms, '2026-04-20'), advised(terms)];
    let latest = id(0);
    steps.forEach((s, n) => {
      const decision = decide(toCommand(s, n + 1, latest), foldEvents(events));
      if (!decision.ok) return;
      if (s.kind === 'present') latest = id(n + 1);
      events = [...events, ...decision.events];
      const paid = events.flatMap((e) => (e.type === 'lc.paid' ? [e.data.amount] : []));
      const total = paid.reduce(addMoney, money('0', 'USD'));
      expect(compareAmounts(total.amount, maximumDrawing(terms).amount)).toBeLessThanOrEqual(0);
      const state = foldEvents(events);
      expect(state.version).toBe(events.length);
    });
  },
);
