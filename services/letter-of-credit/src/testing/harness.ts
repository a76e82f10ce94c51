import { LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import {
  creditC,
  docsShipmentCast,
  invoiceC,
  type PartyIds,
  presentation,
  type ServiceUnderTest,
  startServiceHarness,
} from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { type LetterOfCreditConfig, loadLetterOfCreditConfig } from '../config.ts';
import type { CreditHandler } from '../credit-handler.ts';
import { createExpiryJob } from '../jobs/expire-credits.ts';
import { letterOfCreditService } from '../service.ts';
import { waybillEvents } from './waybill-events.ts';

/** The documents of docs/shipments.md (c) under credit C: over its amount tolerance, a packing list only. */
export const overDrawnUnderC = (p: PartyIds, waybillId: string) =>
  ({
    waybillId,
    amount: invoiceC(docsShipmentCast.c).amount.amount,
    goods: creditC(p).goodsDescription,
    kinds: ['packing_list'],
  }) as const;

export type Harness = Awaited<ReturnType<typeof startHarness>>;
const TIME_ZONE = 'Asia/Shanghai';

export const letterOfCreditUnderTest: ServiceUnderTest<LetterOfCreditConfig, CreditHandler> = {
  define: (env) => letterOfCreditService(loadLetterOfCreditConfig(env)),
  publishes: [WAYBILL_TOPIC],
  records: [LC_TOPIC],
  env: { TIME_ZONE, EXPIRY_CHECK_MS: '3600000' },
};

/** letter-of-credit in-process (testkit's harness), with its expiry job to run by hand; records `lc.events.v1`. */
export const startHarness = async () => {
  const h = await startServiceHarness(letterOfCreditUnderTest, infrastructure());
  // the service's own handler; a second expiry job over it, to run by hand with a chosen date and time
  const expiry = createExpiryJob({
    ...h.service.deps,
    credits: h.service.core,
    timeZone: TIME_ZONE,
    intervalMs: 3_600_000,
  });
  /** The shipper presents documents under the credit (testkit's `presentation`); the raw response. */
  const present = (creditId: string, o: Parameters<typeof presentation>[1]) =>
    h.call('shipper', 'POST', `/credits/${creditId}/presentations`, presentation(h.parties, o));
  return { ...h, expiry, present, ...waybillEvents(h) };
};
