import {
  Id,
  Instant,
  InstructionKind,
  MilestoneEvent,
  PartyId,
  Pledge,
  TitleActKind,
  text,
  WaybillContent,
} from '@railbill/contracts';
import { z } from 'zod';

export const WaybillIdParams = z.object({ id: Id });
/** A bill's numbered sub-resource (an instruction, an amendment request): `/waybills/{id}/…/{n}`. */
export const NumberedParams = WaybillIdParams.extend({ n: z.coerce.number().int().min(1) });
/** A refusal's reason, required. */
export const Reason = z.strictObject({ reason: text(500) });

const DeclarationStatus = z.string().nullable();

/** An instruction to the carrier (docs/title.md "Instructions"). */
export const InstructionView = z.object({
  n: z.int(),
  kind: InstructionKind,
  status: z.enum(['requested', 'accepted', 'rejected']),
  givenBy: PartyId,
  at: Instant,
  placeOfDelivery: z.string().optional(),
  notifyParty: PartyId.optional(),
  reason: z.string().optional(),
});
export type InstructionView = z.infer<typeof InstructionView>;

/** docs/contract.md §8 "Response adds": the bill as its parties see it. */
export const WaybillView = z.object({
  id: Id,
  status: z.enum(['submitted', 'issued', 'surrendered', 'accomplished', 'void']),
  version: z.int(),
  createdAt: Instant,
  updatedAt: Instant,
  ...WaybillContent.shape,
  legs: z.array(
    WaybillContent.shape.legs.element.extend({
      status: z.enum(['planned', 'loading', 'in_transit', 'arrived']),
      milestones: z.array(
        z.object({
          event: MilestoneEvent,
          at: Instant,
          location: z.string(),
          name: z.string().optional(),
          recordedBy: PartyId,
        }),
      ),
    }),
  ),
  billNumber: z.string().optional(),
  holder: PartyId.optional(),
  /** docs/title.md: the order party (null: a bearer bill, or a straight waybill). */
  orderOf: PartyId.nullable(),
  /** May the holder exercise the bill's rights? */
  entitled: z.boolean(),
  pledge: Pledge.nullable(),
  instructions: z.array(InstructionView),
  /** An accepted `stop` is in force: the goods do not move. */
  stopped: z.boolean(),
  /** Every title act, oldest first (the name is kept for compatibility). */
  endorsements: z.array(
    z.object({
      kind: TitleActKind,
      from: PartyId,
      to: PartyId,
      at: Instant,
      causationId: z.string().optional(),
    }),
  ),
  /** The carrier's remarks on the goods or packaging, at issue and with `loaded` milestones (UCP 27). */
  clauses: z.array(z.string()),
  amendmentRequests: z.array(
    z.object({
      n: z.int(),
      status: z.enum(['requested', 'granted', 'rejected']),
      changes: z.record(z.string(), z.unknown()),
      requestedBy: PartyId,
    }),
  ),
  customs: z.object({ export: DeclarationStatus, transit: DeclarationStatus, import: DeclarationStatus }),
  credit: z.object({ number: z.string(), status: z.string().nullable() }).nullable(),
  warnings: z.array(z.string()),
});
export type WaybillView = z.infer<typeof WaybillView>;
