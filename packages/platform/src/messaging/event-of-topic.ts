import type { ParsedEvent } from '@railbill/contracts';
import { PermanentFailure } from './inbox-consumer.ts';

/**
 * The consumed event narrowed to the events of the topic's document (`is`: `isWaybillEvent`, `isLcEvent`,
 * `isCustomsEvent` of contracts). An event of another document on that topic can never be applied: it goes to the DLQ.
 */
export const eventOfTopic = <E extends ParsedEvent>(event: ParsedEvent, is: (e: ParsedEvent) => e is E): E => {
  if (is(event)) return event;
  throw new PermanentFailure(`${event.type} is not an event of this topic`);
};
