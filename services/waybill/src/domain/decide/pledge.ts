import { accept, type Decision, type DomainError, type WaybillEvent } from '@railbill/contracts';
import { entitledProblem, receiverProblem, titleOpenProblem, titleRoles } from '../authority.ts';
import type { Actor, EnforcePledge, Pledge, ReleasePledge } from '../commands.ts';
import { firstProblem, refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

/** docs/title.md "Pledge": the entitled holder hands the bill to a bank as security; the order party stays. */
export const pledge = (cmd: Pledge, bill: Bill): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => titleOpenProblem(bill, 'pledged'),
    () => entitledProblem(cmd.by, bill),
    () => receiverProblem(cmd.to, cmd.toRole, bill, ['bank']),
  );
  if (problem !== undefined) return refuse(problem);
  return accept({ type: 'waybill.pledged', data: { pledgor: cmd.by.id, pledgee: cmd.to, at: cmd.at } });
};

const notPledged: DomainError = { kind: 'conflict', code: 'not-pledged', detail: 'the bill is not pledged' };

/** Only the pledgee of a pledged bill releases or enforces the pledge. */
const pledgeeProblem = (by: Actor, bill: Bill): DomainError | undefined => {
  if (!titleRoles.includes(by.role))
    return { kind: 'forbidden', code: 'not-pledgee', detail: `a ${by.role} never holds a pledge` };
  if (bill.pledge === null) return notPledged;
  if (bill.pledge.pledgee !== by.id)
    return { kind: 'conflict', code: 'not-pledgee', detail: 'only the pledgee may do this' };
  return undefined;
};

/** An act of the pledgee on a pledged bill, while title can still move (`verb`: what the refusal says it cannot be). */
const pledgeeAct = (
  cmd: ReleasePledge | EnforcePledge,
  bill: Bill,
  verb: string,
  event: (pledge: NonNullable<Bill['pledge']>) => WaybillEvent,
): Decision<WaybillEvent> => {
  const problem = firstProblem(
    () => titleOpenProblem(bill, verb),
    () => pledgeeProblem(cmd.by, bill),
  );
  if (problem !== undefined || bill.pledge === null) return refuse(problem ?? notPledged);
  return accept(event(bill.pledge));
};

export const releasePledge = (cmd: ReleasePledge, bill: Bill): Decision<WaybillEvent> =>
  pledgeeAct(cmd, bill, 'released', ({ pledgee, pledgor }) => ({
    type: 'waybill.pledge_released',
    data: { pledgee, pledgor, at: cmd.at },
  }));

/** On the pledgor's default the pledgee takes title: it becomes the order party (a bearer bill stays bearer). */
export const enforcePledge = (cmd: EnforcePledge, bill: Bill): Decision<WaybillEvent> =>
  pledgeeAct(cmd, bill, 'enforced', ({ pledgee, pledgor }) => ({
    type: 'waybill.pledge_enforced',
    data: { pledgee, pledgor, reason: cmd.reason, at: cmd.at, orderOf: bill.orderOf === null ? null : pledgee },
  }));
