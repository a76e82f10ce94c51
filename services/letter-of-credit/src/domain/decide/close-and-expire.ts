import { accept, compareDates, type Decision, type LcEvent, reject } from '@railbill/contracts';
import { extendToBankingDay } from '../banking-days.ts';
import type { Close, Expire } from '../commands.ts';
import type { CreditStatus, State } from '../state.ts';
import { actsAs, creditNumberOf, isTerminal, onCredit, refusal } from './guards.ts';

/** The issuing bank closes a paid credit: its undertaking is discharged. */
export const close = (cmd: Close, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    const notIssuer = actsAs(cmd.by, [credit.terms.issuingBank], 'issuing bank');
    if (notIssuer !== undefined) return refusal(notIssuer);
    if (credit.status !== 'paid') return reject('conflict', 'not-paid', `a ${credit.status} credit cannot be closed`);
    return accept({ type: 'lc.closed', data: { ...creditNumberOf(credit), closedBy: cmd.by.id } });
  });

/** Statuses with no complying or honoured presentation outstanding: the only ones that can expire. */
const EXPIRABLE: readonly CreditStatus[] = ['issued', 'advised', 'refused'];

/**
 * docs/contract.md §4: a scheduled command. Expires once the expiry date (extended to a banking day, UCP 29(a)) has passed with
 * no complying presentation; idempotent: not yet due, already terminal or under presentation is a conflict.
 */
export const expire = (cmd: Expire, state: State): Decision<LcEvent> =>
  onCredit(state, (credit) => {
    if (isTerminal(credit)) return reject('conflict', 'already-terminal', `the credit is already ${credit.status}`);
    const { date } = credit.terms.expiry;
    if (compareDates(cmd.today, date) <= 0) return reject('conflict', 'not-due', `the credit runs until ${date}`);
    const lastDay = extendToBankingDay(date, cmd.calendar);
    if (compareDates(cmd.today, lastDay) <= 0) return reject('conflict', 'not-due', `the credit runs until ${lastDay}`);
    if (!EXPIRABLE.includes(credit.status))
      return reject('conflict', 'presentation-outstanding', `a ${credit.status} credit does not expire`);
    if (cmd.by.role === 'operator') return reject('forbidden', 'not-in-role', 'operators change nothing');
    return accept({ type: 'lc.expired', data: { ...creditNumberOf(credit), expiredOn: cmd.today } });
  });
