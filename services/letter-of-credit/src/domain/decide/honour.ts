import {
  accept,
  addDays,
  compareAmounts,
  compareDates,
  type Decision,
  type LcEvent,
  type LocalDate,
  type Money,
  minMoney,
  reject,
  subtractMoney,
} from '@railbill/contracts';
import { type BankingCalendar, extendToBankingDay } from '../banking-days.ts';
import type { Honour } from '../commands.ts';
import { decidingBanks, maximumDrawing, sumAmounts } from '../credit-terms.ts';
import type { Credit, Presentation, State } from '../state.ts';
import { bankActsOn, ofPresentation } from './guards.ts';

/** What is left to draw: the maximum (amount + tolerance) less what other presentations drew (UCP 18(b)). */
export const remainingDrawing = (credit: Credit, exceptPresentation: string): Money => {
  const max = maximumDrawing(credit.terms);
  const drawn = credit.presentations
    .filter((p) => p.id !== exceptPresentation)
    .flatMap((p) => p.paidAmount ?? p.honouredAmount ?? []);
  return subtractMoney(max, sumAmounts(drawn, max.currency));
};

/** Runs `then` with what is left to draw for a presentation; a credit drawn in full is refused (UCP 18(b)). */
export const onRemaining = <E>(
  credit: Credit,
  presentation: Presentation,
  then: (remaining: Money) => Decision<E>,
): Decision<E> => {
  const remaining = remainingDrawing(credit, presentation.id);
  return compareAmounts(remaining.amount, '0') <= 0
    ? reject('rule', 'credit-exhausted', 'the credit has been drawn in full')
    : then(remaining);
};

/**
 * UCP 2 (honour: incur a deferred payment undertaking or accept a draft, and pay at maturity), 3 ("after" excludes the
 * date named): the tenor's days counted from shipment, presentation or sight (the honour date); never before the
 * honour date; a closing day of the honouring bank moves it to its next banking day.
 */
export const maturityDate = (
  terms: Credit['terms'],
  presentation: Presentation,
  cmd: Readonly<{ today: LocalDate; calendar: BankingCalendar }>,
): LocalDate | undefined | 'unknown' => {
  if (terms.tenor === undefined) return undefined;
  const base =
    terms.tenor.from === 'shipment'
      ? presentation.shipmentDate
      : terms.tenor.from === 'presentation'
        ? presentation.presentedOn
        : cmd.today;
  if (base === null || base === undefined) return 'unknown';
  const computed = addDays(base, terms.tenor.days);
  const due = compareDates(computed, cmd.today) < 0 ? cmd.today : computed;
  return extendToBankingDay(due, cmd.calendar);
};

/**
 * UCP 15, 16(b): a bank of the credit honours a complying (or waived) presentation, for the invoice amount but never
 * above what the credit still allows (18(b): the excess is not paid under the credit).
 */
export const honour = (cmd: Honour, state: State): Decision<LcEvent> =>
  bankActsOn(
    state,
    cmd,
    { of: (credit) => decidingBanks(credit.terms), role: 'issuing or nominated bank' },
    { from: ['complying', 'waived'], code: 'not-honourable', refused: 'cannot be honoured' },
    (credit, presentation) => {
      if (presentation.invoice.amount.currency !== credit.terms.amount.currency)
        return reject('rule', 'currency-mismatch', 'the invoice is not in the currency of the credit');
      const maturity = maturityDate(credit.terms, presentation, cmd);
      if (maturity === 'unknown')
        return reject(
          'rule',
          'shipment-date-unknown',
          'the tenor runs from shipment, and no date of shipment is known',
        );
      return onRemaining(credit, presentation, (remaining) =>
        accept({
          type: 'lc.honoured',
          data: {
            ...ofPresentation(credit, presentation),
            amount: minMoney(presentation.invoice.amount, remaining),
            by: cmd.by.id,
            ...(maturity === undefined ? {} : { maturityDate: maturity }),
          },
        }),
      );
    },
  );
