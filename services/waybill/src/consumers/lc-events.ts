import { evolveCreditStatus, isLcEvent, type LcEvent } from '@railbill/contracts';
import {
  applyToProjection,
  eventOfTopic,
  isTransient,
  type MessageHandler,
  type Parties,
  PermanentFailure,
  Rejected,
} from '@railbill/platform';
import { actAsBank, type BillHandler, releaseOnPayment } from '../bill-handler.ts';
import { RELEASE_WAITS } from '../domain/decide/bank-title.ts';
import { CREDIT_PROJECTION, type CreditFacts } from '../store/facts.ts';
import { lockBill, savePendingRelease } from '../store/pending-releases.ts';
import { loadBill } from '../store/repository.ts';

/** What the bill's title acts need of a credit: its banks, applicant and who presented which bill. */
const creditFactsAfter = (event: LcEvent, credit: CreditFacts | undefined, creditId: string): CreditFacts => {
  const base: CreditFacts = {
    creditId,
    status: evolveCreditStatus(credit?.status, event),
    banks: credit?.banks ?? [],
    applicant: credit?.applicant ?? null,
    presentations: credit?.presentations ?? {},
  };
  if (event.type === 'lc.issued') {
    const { issuingBank, nominatedBank, advisingBank, applicant } = event.data;
    const banks = [issuingBank, ...(nominatedBank === undefined ? [] : [nominatedBank]), advisingBank];
    return { ...base, banks: [...new Set(banks)], applicant };
  }
  if (event.type === 'lc.presented') {
    const { presentationId, waybillId, presentedBy } = event.data;
    return { ...base, presentations: { ...base.presentations, [presentationId]: { waybillId, presentedBy } } };
  }
  return base;
};

type Deps = Readonly<{ bills: BillHandler; parties: Parties }>;

/** The id of a bank the credit names, which must be a known party (else the event can never be applied). */
const knownBank = (deps: Deps, id: string): string => {
  if (deps.parties.byId(id) === undefined)
    throw new PermanentFailure(`the credit names bank ${id}, which is not a known party`);
  return id;
};

/**
 * `lc.events.v1` → the credit's status shown on its bill, and the bill's title acts the credit causes (docs/title.md
 * "Banks and title"): the forward to the issuing bank, the return to the presenter on a refusal with disposal
 * `returning`, and the release to the applicant on payment — which waits, stored in this database, while no bank of
 * the credit is the bill's entitled holder, and is never dead-lettered.
 */
export const onLcEvent =
  (deps: Deps): MessageHandler =>
  async (tx, consumed, ctx) => {
    const event = eventOfTopic(consumed, isLcEvent);
    const { envelope } = event;
    const credit = await applyToProjection<CreditFacts>(tx, {
      name: CREDIT_PROJECTION,
      id: event.data.creditNumber,
      sequence: Number(envelope.sequence),
      fold: (previous) => creditFactsAfter(event, previous, envelope.subject),
    });
    // an event older than the projection was already applied, with its consequences
    if (credit === undefined) return;
    const causationId = envelope.id;
    if (event.type === 'lc.documents_forwarded') {
      const { waybillId, from, to } = event.data;
      try {
        await actAsBank(tx, deps.bills, {
          waybillId,
          bank: knownBank(deps, from),
          causationId,
          command: (by, at) => ({ type: 'forwardToIssuingBank', by, at, from, to, causationId }),
        });
        ctx.log.info({ waybillId, from, to }, 'bill passed to the issuing bank');
      } catch (error) {
        // a lost race is retried; any other refusal is deterministic and goes to the DLQ with its reason
        if (error instanceof Rejected && !isTransient(error))
          throw new PermanentFailure(`${error.error.code}: ${error.error.detail}`, { cause: error });
        throw error;
      }
      return;
    }
    if (event.type === 'lc.refused' && event.data.disposal === 'returning') {
      const presentation = credit.presentations[event.data.presentationId];
      if (presentation === undefined) return;
      const loaded = await loadBill(tx, presentation.waybillId);
      const holder = (loaded.state.status === 'initial' ? undefined : loaded.state.holder) ?? event.data.by;
      try {
        // the return is the act of the bank of the credit that holds the bill
        await actAsBank(tx, deps.bills, {
          waybillId: presentation.waybillId,
          bank: holder,
          causationId,
          command: (by, at) => ({
            type: 'returnToPresenter',
            by,
            at,
            banks: credit.banks,
            presenter: presentation.presentedBy,
            causationId,
          }),
        });
      } catch (error) {
        // the bill is no longer with a bank of the credit: nothing to give back
        if (!(error instanceof Rejected) || isTransient(error)) throw error;
        ctx.log.warn({ waybillId: presentation.waybillId, reason: error.error.code }, 'refused documents not returned');
      }
      return;
    }
    if (event.type !== 'lc.paid') return;
    const { waybillId, applicant } = event.data;
    const banks = [...new Set([...credit.banks, event.data.bank, event.data.paidBy])];
    const pending = { causationId, creditNumber: event.data.creditNumber, applicant, banks, bank: event.data.paidBy };
    await lockBill(tx, waybillId);
    const loaded = await loadBill(tx, waybillId);
    const holder = loaded.state.status === 'initial' ? undefined : loaded.state.holder;
    try {
      if (holder === undefined) throw new Rejected({ kind: 'conflict', code: RELEASE_WAITS, detail: 'no holder yet' });
      // the release is the act of the bill's holder, if it is the entitled bank of the credit
      await releaseOnPayment(tx, deps.bills, { waybillId, holder, banks, applicant, causationId });
      ctx.log.info({ waybillId, applicant }, 'bill released to the applicant on payment');
    } catch (error) {
      // a lost race (version conflict) is transient: the inbox consumer runs the message again on fresh state
      if (!(error instanceof Rejected) || isTransient(error)) throw error;
      if (error.error.code === RELEASE_WAITS) {
        // docs/title.md: the release waits until a bank of the credit is the entitled holder
        await savePendingRelease(tx, waybillId, pending);
        ctx.log.info({ waybillId, applicant }, 'release on payment waits for a bank of the credit to hold the bill');
        return;
      }
      ctx.log.warn({ waybillId, reason: error.error.code }, 'release on payment not possible');
    }
  };
