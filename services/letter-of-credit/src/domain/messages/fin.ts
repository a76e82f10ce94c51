import { logicalTerminal } from '../mt700/format.ts';

/** One field of block 4: its tag and its lines. */
export type FinField = readonly [tag: string, lines: readonly string[]];

/** A field with its first line after the tag: `:20:RRH26DC000417`. */
export const field = (tag: string, lines: readonly string[]): FinField => [tag, lines];

/**
 * A FIN message as banks exchange it (docs/swift-messages.md): basic header (block 1, the sender's logical terminal,
 * session and sequence zero), application header (block 2, input, the receiver's logical terminal, normal priority)
 * and text block (block 4), fields in the order given.
 */
export const finMessage = (mt: string, senderBic: string, receiverBic: string, fields: readonly FinField[]): string => {
  const body = fields.flatMap(([tag, [first = '', ...rest]]) => [`:${tag}:${first}`, ...rest]);
  return `{1:F01${logicalTerminal(senderBic, 'A')}0000000000}{2:I${mt}${logicalTerminal(receiverBic, 'X')}N}{4:\n${body.join('\n')}\n-}`;
};
