import { accept, type Decision, type DomainError, reject, samePlace, type WaybillEvent } from '@railbill/contracts';
import { entitledProblem, isNamedCarrier, isShipper } from '../authority.ts';
import type { AnswerInstruction, GiveInstruction } from '../commands.ts';
import { firstProblem, notIssued, refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';
import { lastLegArrived } from '../transport.ts';

/** Who gives instructions: the entitled holder of a bill of lading, the shipper of a straight waybill. */
const instructorProblem = (cmd: GiveInstruction, bill: Bill): DomainError | undefined => {
  if (bill.content.type === 'bill_of_lading') return entitledProblem(cmd.by, bill);
  return isShipper(cmd.by, bill)
    ? undefined
    : {
        kind: 'forbidden',
        code: 'not-shipper',
        detail: 'only the shipper instructs the carrier on a straight waybill',
      };
};

const termsProblem = (cmd: GiveInstruction, bill: Bill): DomainError | undefined => {
  switch (cmd.kind) {
    case 'stop':
      return bill.stopped
        ? { kind: 'conflict', code: 'already-stopped', detail: 'the goods are already stopped' }
        : undefined;
    case 'resume':
      return bill.stopped ? undefined : { kind: 'conflict', code: 'not-stopped', detail: 'the goods are not stopped' };
    case 'change_destination':
      if (cmd.placeOfDelivery === undefined)
        return {
          kind: 'rule',
          code: 'no-destination',
          detail: 'a change of destination names the new placeOfDelivery',
        };
      return samePlace(cmd.placeOfDelivery, bill.content.placeOfDelivery)
        ? { kind: 'rule', code: 'same-destination', detail: 'that is already the place of delivery' }
        : undefined;
    case 'change_notify_party':
      if (cmd.notifyParty === undefined)
        return { kind: 'rule', code: 'no-notify-party', detail: 'a change of notify party names the notifyParty' };
      return cmd.notifyRole === undefined
        ? { kind: 'rule', code: 'unknown-party', detail: `${cmd.notifyParty} is not a known party` }
        : undefined;
    default:
      return undefined;
  }
};

/** docs/title.md "Instructions": one open at a time, none once the last leg arrived. */
export const giveInstruction = (cmd: GiveInstruction, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => notIssued(bill, 'takes no instructions'),
    () => instructorProblem(cmd, bill),
    () =>
      bill.instructions.some((i) => i.status === 'requested')
        ? { kind: 'conflict', code: 'instruction-open', detail: 'an instruction is still waiting for the carrier' }
        : undefined,
    () =>
      lastLegArrived(bill.legs)
        ? { kind: 'conflict', code: 'already-arrived', detail: 'the goods have arrived: no more instructions' }
        : undefined,
    () => termsProblem(cmd, bill),
  );
  if (problem !== undefined) return refuse(problem);
  return accept({
    type: 'waybill.instruction_given',
    data: {
      n: bill.instructions.length + 1,
      kind: cmd.kind,
      ...(cmd.kind === 'change_destination' && cmd.placeOfDelivery !== undefined
        ? { placeOfDelivery: cmd.placeOfDelivery }
        : {}),
      ...(cmd.kind === 'change_notify_party' && cmd.notifyParty !== undefined ? { notifyParty: cmd.notifyParty } : {}),
      givenBy: cmd.by.id,
      at: cmd.at,
    },
  });
};

/** The named carrier accepts (the instruction takes effect) or rejects an open instruction. */
export const answerInstruction = (cmd: AnswerInstruction, bill: Bill): Decision<WaybillEvent> => {
  if (!isNamedCarrier(cmd.by, bill)) return reject('forbidden', 'not-carrier', 'only the named carrier answers');
  const instruction = bill.instructions.find((i) => i.n === cmd.n);
  if (instruction === undefined) return reject('not_found', 'instruction-not-found', `no instruction ${cmd.n}`);
  if (instruction.status !== 'requested')
    return reject('conflict', 'instruction-closed', `instruction ${cmd.n} was already ${instruction.status}`);
  const issued = notIssued(bill, 'takes no answers');
  if (issued !== undefined) return refuse(issued);
  const { n, kind } = instruction;
  if (!cmd.accept)
    return accept({
      type: 'waybill.instruction_rejected',
      data: { n, kind, rejectedBy: cmd.by.id, reason: cmd.reason ?? '', at: cmd.at },
    });
  if (kind === 'change_destination' && lastLegArrived(bill.legs))
    return reject('conflict', 'already-arrived', 'the last leg has arrived: the destination cannot change');
  return accept({
    type: 'waybill.instruction_accepted',
    data: {
      n,
      kind,
      ...(instruction.placeOfDelivery === undefined ? {} : { placeOfDelivery: instruction.placeOfDelivery }),
      ...(instruction.notifyParty === undefined ? {} : { notifyParty: instruction.notifyParty }),
      acceptedBy: cmd.by.id,
      at: cmd.at,
    },
  });
};
