import type { LcEvent } from '@railbill/contracts';
import {
  applyToProjection,
  isTransient,
  type MessageHandler,
  type Parties,
  PermanentFailure,
  Rejected,
} from '@railbill/platform';
import { type HandleDeps, handleIn } from '../handle.ts';
import { CREDIT_PROJECTION, type CreditFacts } from '../store/facts.ts';

const statusAfter = (event: LcEvent, previous: string | undefined): string => {
  switch (event.type) {
    case 'lc.issued':
      return 'issued';
    case 'lc.advised':
      return 'advised';
    case 'lc.presented':
      return 'presented';
    case 'lc.examined':
      return event.data.result;
    case 'lc.discrepancies_waived':
      return 'complying';
    case 'lc.honoured':
      return 'honoured';
    case 'lc.refused':
      return 'refused';
    case 'lc.paid':
      return 'paid';
    case 'lc.closed':
      return 'closed';
    case 'lc.expired':
      return 'expired';
    default:
      return previous ?? 'issued';
  }
};

/**
 * `lc.events.v1` → the credit's status shown on its bill, and on `lc.paid` the documents' release (SPEC §4): the bank
 * holding the bill endorses it to the applicant, an endorsement caused by the payment event.
 */
export const onLcEvent =
  (deps: Readonly<{ handle: HandleDeps; parties: Parties }>): MessageHandler =>
  async (tx, { envelope, data }, ctx) => {
    const event = { type: envelope.type, data } as LcEvent;
    await applyToProjection<CreditFacts>(tx, {
      name: CREDIT_PROJECTION,
      id: event.data.creditNumber,
      sequence: Number(envelope.sequence),
      fold: (credit) => ({ creditId: envelope.subject, status: statusAfter(event, credit?.status) }),
    });
    if (event.type !== 'lc.paid') return;
    const { bank, applicant, waybillId } = event.data;
    const party = deps.parties.byId(bank);
    if (party === undefined) throw new PermanentFailure(`lc.paid names bank ${bank}, which is not a known party`);
    try {
      await handleIn(tx, deps.handle, {
        waybillId,
        party,
        causationId: envelope.id,
        command: (at) => ({
          type: 'endorseOnPayment',
          by: { id: party.id, role: party.role },
          at,
          bank,
          applicant,
          causationId: envelope.id,
        }),
      });
      ctx.log.info({ waybillId, bank, applicant }, 'bill endorsed to the applicant on payment');
    } catch (error) {
      // a lost race (version-conflict) is transient and retried by the inbox consumer; any other refusal is
      // deterministic: retrying cannot help, so the message goes to the DLQ with the reason
      if (error instanceof Rejected && !isTransient(error))
        throw new PermanentFailure(`${error.error.code}: ${error.error.detail}`, { cause: error });
      throw error;
    }
  };
