import { isCustomsEvent } from '@railbill/contracts';
import { applyToProjection, eventOfTopic, type MessageHandler } from '@railbill/platform';
import { DECLARATION_PROJECTION, type DeclarationFacts } from '../store/facts.ts';

/**
 * `customs.events.v1` → each declaration's latest status (docs/contract.md §3): a bill's export, transit and import status,
 * which gate its first departure and its surrender, are read from these rows.
 */
export const onCustomsEvent: MessageHandler = async (tx, consumed) => {
  const event = eventOfTopic(consumed, isCustomsEvent);
  const { envelope } = event;
  const { waybillId, declarationType, status } = event.data;
  await applyToProjection<DeclarationFacts>(tx, {
    name: DECLARATION_PROJECTION,
    id: envelope.subject,
    sequence: Number(envelope.sequence),
    fold: () => ({ waybillId, type: declarationType, status }),
  });
};
