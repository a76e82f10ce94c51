import { Rejected } from '../errors.ts';

/**
 * The largest record the producer sends, key, value and headers counted. The broker's `message.max.bytes` defaults
 * to 1,048,588 bytes per record batch; the margin leaves room for the batch's own overhead (docs/reliability.md).
 */
export const MAX_MESSAGE_BYTES = 1_000_000;

/** The bytes a record takes on the wire, framing aside. */
export const recordBytes = (key: string, value: string, headers: Readonly<Record<string, string>>): number =>
  Buffer.byteLength(key) +
  Buffer.byteLength(value) +
  Object.entries(headers).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);

/**
 * At the door: a change whose event could never be published is refused (422 `event-too-large`, naming the limit)
 * before anything is written, instead of being accepted and then blocking the outbox.
 */
export const assertPublishable = (
  events: readonly Readonly<{ type: string; key: string; value: string; headers: Readonly<Record<string, string>> }>[],
  maxBytes: number = MAX_MESSAGE_BYTES,
): void => {
  for (const e of events) {
    const bytes = recordBytes(e.key, e.value, e.headers);
    if (bytes > maxBytes)
      throw new Rejected({
        kind: 'rule',
        code: 'event-too-large',
        detail: `the change's ${e.type} event would be ${bytes} bytes; events are published as one message of at most ${maxBytes} bytes: send less (e.g. fewer or shorter goods lines)`,
      });
  }
};
