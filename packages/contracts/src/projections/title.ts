import type { Pledge, WaybillEvent } from '../events/waybill.ts';
import type { WaybillType } from '../events/waybill-content.ts';

/**
 * The title of a negotiable bill (docs/title.md): who controls it (`holder`), to whose order the goods are deliverable
 * (`orderOf`, null for a bearer bill or a straight waybill) and the pledge it is held under, if any. Folded the same
 * way by the waybill service and by every consumer of `waybill.events.v1`.
 */
export type Title = Readonly<{ holder: string | null; orderOf: string | null; pledge: Pledge | null }>;

export const noTitle: Title = { holder: null, orderOf: null, pledge: null };

/**
 * The holder may exercise the bill's rights when it is the order party, or the bill is a bearer bill, and it does not
 * hold the bill as pledgee. A straight waybill has no entitled holder.
 */
export const isEntitled = (type: WaybillType, title: Title): boolean =>
  type === 'bill_of_lading' &&
  title.holder !== null &&
  (title.orderOf === null || title.orderOf === title.holder) &&
  title.pledge?.pledgee !== title.holder;

/** Applies one waybill event to the title; events that do not touch the title leave it as it is. */
export const evolveTitle = (
  title: Title,
  event: WaybillEvent,
  content: Readonly<{ toOrderOf?: string | undefined }>,
): Title => {
  switch (event.type) {
    case 'waybill.issued':
      return { holder: event.data.holder, orderOf: content.toOrderOf ?? null, pledge: null };
    case 'waybill.endorsed':
      return event.data.blank === true
        ? { ...title, orderOf: null }
        : { ...title, holder: event.data.to, orderOf: event.data.to };
    case 'waybill.transferred':
      return { ...title, holder: event.data.to };
    case 'waybill.receipt_rejected':
      return { holder: event.data.holder, orderOf: event.data.orderOf, pledge: event.data.pledge };
    case 'waybill.pledged':
      return {
        ...title,
        holder: event.data.pledgee,
        pledge: { pledgee: event.data.pledgee, pledgor: event.data.pledgor, since: event.data.at },
      };
    case 'waybill.pledge_released':
      return { ...title, holder: event.data.pledgor, pledge: null };
    case 'waybill.pledge_enforced':
      return { ...title, orderOf: event.data.orderOf, pledge: null };
    case 'waybill.surrendered':
    case 'waybill.accomplished':
      return { ...title, holder: null, pledge: null };
    default:
      return title;
  }
};
