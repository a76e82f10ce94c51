import { Locode, PartyId, text } from '@railbill/contracts';
import { type App, notFound, partyOf, problemResponses } from '@railbill/platform';
import { z } from 'zod';
import { canSee } from '../../domain/access.ts';
import { handle } from '../../handle.ts';
import { loadBill } from '../../store/repository.ts';
import { registerAction } from '../action.ts';
import type { RouteDeps } from '../routes.ts';
import { InstructionView, WaybillIdParams } from '../schemas.ts';
import { toInstructionView } from '../views.ts';

const InstructionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('stop') }),
  z.strictObject({ kind: z.literal('resume') }),
  z.strictObject({ kind: z.literal('change_destination'), placeOfDelivery: Locode }),
  z.strictObject({ kind: z.literal('change_notify_party'), notifyParty: PartyId }),
]);

const InstructionParams = WaybillIdParams.extend({ n: z.coerce.number().int().min(1) });

/**
 * docs/title.md "Instructions": `POST /waybills/{id}/instructions` (entitled holder; a straight waybill's shipper)
 * answers 201 with the instruction; `…/instructions/{n}/accept` and `…/reject` (named carrier) answer with the bill.
 */
export const instructionRoutes = (app: App, deps: RouteDeps): void => {
  app.post(
    '/waybills/:id/instructions',
    {
      schema: {
        summary: 'Instruct the carrier about the goods in transit: stop, resume, change destination or notify party',
        tags: ['waybills'],
        params: WaybillIdParams,
        body: InstructionBody,
        response: { 201: InstructionView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const party = partyOf(request);
      const body = request.body;
      const handled = await handle(deps.db, deps.handle, {
        waybillId: request.params.id,
        party,
        command: (at) => ({
          type: 'giveInstruction',
          by: { id: party.id, role: party.role },
          at,
          kind: body.kind,
          ...(body.kind === 'change_destination' ? { placeOfDelivery: body.placeOfDelivery } : {}),
          ...(body.kind === 'change_notify_party'
            ? { notifyParty: body.notifyParty, notifyRole: deps.parties.roleOf(body.notifyParty) }
            : {}),
        }),
      });
      const created = handled.bill.instructions.at(-1);
      if (created === undefined) throw new Error('an accepted instruction left no instruction');
      return reply
        .code(201)
        .header('location', `/waybills/${handled.id}/instructions/${created.n}`)
        .send(toInstructionView(created));
    },
  );
  app.get(
    '/waybills/:id/instructions/:n',
    {
      schema: {
        summary: 'Read one instruction to the carrier (parties on the bill)',
        tags: ['waybills'],
        params: InstructionParams,
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
  registerAction(app, deps, {
    path: 'instructions/:n/accept',
    summary: "Accept the holder's instruction: it takes effect (named carrier)",
    params: InstructionParams,
    body: z.strictObject({}),
    command: (_body, { at, by }, params) => ({ type: 'answerInstruction', by, at, n: params.n, accept: true }),
  });
  registerAction(app, deps, {
    path: 'instructions/:n/reject',
    summary: "Reject the holder's instruction (named carrier)",
    params: InstructionParams,
    body: z.strictObject({ reason: text(500) }),
    command: (body, { at, by }, params) => ({
      type: 'answerInstruction',
      by,
      at,
      n: params.n,
      accept: false,
      reason: body.reason,
    }),
  });
};
