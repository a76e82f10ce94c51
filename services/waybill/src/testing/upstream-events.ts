import { CUSTOMS_TOPIC, LC_TOPIC } from '@railbill/contracts';
import type { CastMember, ServiceHarness } from '@railbill/testkit';
import { v7 as uuidv7 } from 'uuid';

/** The customs and letter-of-credit events the waybill service consumes, published as those services would. */
export const upstreamEvents = ({ parties, publish }: Pick<ServiceHarness, 'parties' | 'publish'>) => {
  const declarations = new Map<string, { id: string; version: number }>();
  /** Publishes a customs event for the bill's declaration of `type`, as customs-clearance would. */
  const customs = async (waybillId: string, type: 'export' | 'transit' | 'import', status: string, office: string) => {
    const key = `${waybillId}:${type}`;
    const d = declarations.get(key) ?? { id: uuidv7(), version: 0 };
    d.version += 1;
    declarations.set(key, d);
    const at = new Date().toISOString();
    return publish(CUSTOMS_TOPIC, {
      type: status === 'released' ? 'customs.released' : 'customs.accepted',
      subject: d.id,
      version: d.version,
      correlationId: waybillId,
      data: { waybillId, declarationType: type, office, status, at, reason: 'test' },
    });
  };

  /** Publishes `lc.paid` for the bill, as letter-of-credit would (docs/contract.md §4). */
  const lcPaid = async (
    waybillId: string,
    creditNumber: string,
    bank: CastMember,
    applicant: CastMember,
    amount: string,
  ) =>
    publish(LC_TOPIC, {
      type: 'lc.paid',
      subject: uuidv7(),
      version: 9,
      correlationId: waybillId,
      data: {
        creditNumber,
        presentationId: uuidv7(),
        waybillId,
        amount: { amount, currency: 'USD' },
        applicant: parties.id(applicant),
        bank: parties.id(bank),
        paidBy: parties.id(bank),
      },
    });

  const credits = new Map<string, { id: string; version: number }>();
  /** Publishes one event of the credit `creditNumber`, in order (a credit id and sequence kept per number). */
  const lcEvent = (type: string, creditNumber: string, data: Record<string, unknown>) => {
    const c = credits.get(creditNumber) ?? { id: uuidv7(), version: 0 };
    c.version += 1;
    credits.set(creditNumber, c);
    return publish(LC_TOPIC, {
      type,
      subject: c.id,
      version: c.version,
      correlationId: c.id,
      data: { creditNumber, ...data },
    });
  };

  /** `lc.documents_forwarded` (docs/title.md): the nominated bank's documents go to the issuing bank. */
  const lcForwarded = (waybillId: string, creditNumber: string, from: CastMember, to: CastMember) =>
    lcEvent('lc.documents_forwarded', creditNumber, {
      presentationId: uuidv7(),
      waybillId,
      from: parties.id(from),
      to: parties.id(to),
      by: parties.id(from),
    });

  /** `lc.paid` paid by `bank`, on the same credit stream as `lcForwarded`. */
  const lcPaidBy = (waybillId: string, creditNumber: string, bank: CastMember, applicant: CastMember) =>
    lcEvent('lc.paid', creditNumber, {
      presentationId: uuidv7(),
      waybillId,
      amount: { amount: '1248000.00', currency: 'USD' },
      applicant: parties.id(applicant),
      bank: parties.id(bank),
      paidBy: parties.id(bank),
    });

  return { customs, lcPaid, lcEvent, lcForwarded, lcPaidBy };
};
