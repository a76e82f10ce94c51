import { Locode, PartyId } from '@railbill/contracts';
import { type App, EmptyBody, notFound, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { canSee } from '../../domain/access.ts';
import type { Bill } from '../../domain/state.ts';
import { loadBill } from '../../store/repository.ts';
import type { RouteDeps } from '../routes.ts';
import { InstructionView, NumberedParams, Reason } from '../schemas.ts';
import { toInstructionView } from '../views.ts';

const InstructionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stop') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('change_destination'), placeOfDelivery: Locode }),
  z.strictObject({ kind: z.literal('change_notify_party'), notifyParty: PartyId }),
]);

const createdInstruction = (bill: Bill) => {
  const created = bill.instructions.at(-1);
  if (created === undefined) throw new Error('an accepted instruction left no instruction');
  return created;
};

/**
 * docs/title.md "Instructions": `POST /waybills/{id}/instructions` (entitled holder; a straight waybill's shipper)
 * answers 201 with the instruction; `…/instructions/{n}/accept` and `…/reject` (named carrier) answer with the bill.
 */
export const instructionRoutes = (app: App, deps: RouteDeps): void => {
  deps.action({
    path: 'instructions',
    summary: 'Instruct the carrier about the goods in transit: stop, resume, change destination or notify party',
    body: InstructionBody,
    response: InstructionView,
    command: (body, { act }) => ({
      type: 'giveInstruction',
      ...act,
      kind: body.kind,
      ...(body.kind === 'change_destination' ? { placeOfDelivery: body.placeOfDelivery } : {}),
      ...(body.kind === 'change_notify_party'
        ? { notifyParty: body.notifyParty, notifyRole: deps.parties.roleOf(body.notifyParty) }
        : {}),
    }),
    created: ({ handled }) => `/waybills/${handled.id}/instructions/${createdInstruction(handled.state).n}`,
    reply: ({ handled }) => toInstructionView(createdInstruction(handled.state)),
  });
  app.get(
    '/waybills/:id/instructions/:n',
    {
      schema: {
        summary: 'Read one instruction to the carrier (parties on the bill)',
        tags: ['waybills'],
        params: NumberedParams,
        response: { 200: InstructionView, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const party = partyOf(request);
      const { state } = await loadBill(deps.db, request.params.id);
      if (state.status === 'initial' || !canSee(party, state)) throw notFound();
      const instruction = (state.instructions ?? []).find((i) => i.n === request.params.n);
      if (instruction === undefined) throw notFound('no such instruction');
      return toInstructionView(instruction);
    },
  );
  deps.action({
    path: 'instructions/:n/accept',
    summary: "Accept the holder's instruction: it takes effect (named carrier)",
    params: NumberedParams,
    body: EmptyBody,
    command: (_body, { act }, params) => ({ type: 'answerInstruction', ...act, n: params.n, accept: true }),
  });
  deps.action({
    path: 'instructions/:n/reject',
    summary: "Reject the holder's instruction (named carrier)",
    params: NumberedParams,
    body: Reason,
    command: (body, { act }, params) => ({
      type: 'answerInstruction',
      ...act,
      n: params.n,
      accept: false,
      reason: body.reason,
    }),
  });
};
