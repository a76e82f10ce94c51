import { z } from 'zod';
import { PartyId } from '../values/ids.ts';
import { WaybillContent } from './waybill-content.ts';

export const WAYBILL_TOPIC = 'waybill.events.v1';

/** `waybill.submitted`: the shipper's submission as accepted, with any warnings (e.g. unknown UN/LOCODEs). */
export const WaybillSubmitted = z.object({
  ...WaybillContent.shape,
  submittedBy: PartyId,
  warnings: z.array(z.string()).default([]),
});
export type WaybillSubmitted = z.infer<typeof WaybillSubmitted>;

/** Every waybill event type and the schema of its `data`. Add new types here (STYLE §2 "One place"). */
export const waybillEventSchemas = {
  'waybill.submitted': WaybillSubmitted,
} as const;
