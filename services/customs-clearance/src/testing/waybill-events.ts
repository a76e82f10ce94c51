import { type CloudEvent, WAYBILL_TOPIC, type WaybillSubmission } from '@railbill/contracts';
import type { ServiceHarness } from '@railbill/testkit';
import { v7 as uuidv7 } from 'uuid';

/**
 * The waybill events customs-clearance consumes, published as the waybill service would, and the customs events it
 * published in answer.
 */
export const waybillEvents = ({ publish, recorded }: Pick<ServiceHarness, 'publish' | 'recorded'>) => {
  /** Publishes a waybill event as the waybill service's relay would; `id` repeats a delivery of one event. */
  const waybillEvent = (
    waybillId: string,
    e: Readonly<{ type: string; version: number; data: unknown; id?: string }>,
  ): Promise<string> => publish(WAYBILL_TOPIC, { ...e, subject: waybillId, correlationId: waybillId });

  /** `waybill.submitted` then `waybill.issued` for a new bill; answers its id and the issued event. */
  const issueBill = async (bill: WaybillSubmission, waybillId: string = uuidv7()) => {
    await waybillEvent(waybillId, {
      type: 'waybill.submitted',
      version: 1,
      data: { ...bill, submittedBy: bill.shipper, warnings: [] },
    });
    const issued = {
      type: 'waybill.issued',
      version: 2,
      data: { billNumber: `SILKRAIL-2026-${waybillId.slice(-6)}`, issuedBy: bill.carrier, holder: bill.shipper },
    };
    const issuedId = await waybillEvent(waybillId, issued);
    return { waybillId, issued: { ...issued, id: issuedId } };
  };

  /** The service's published customs events, parsed, optionally of one bill (correlation id). */
  const published = (waybillId?: string): CloudEvent[] =>
    recorded
      .map((m) => JSON.parse(m.value) as CloudEvent)
      .filter((e) => waybillId === undefined || e.correlationid === waybillId);

  return { waybillEvent, issueBill, published };
};
