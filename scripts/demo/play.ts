import { randomBytes } from 'node:crypto';
import type { Cast } from './cast.ts';
import { type Answer, call, dateShifter, type Member, type Say, waitFor } from './http.ts';
import type { ShipmentPlan } from './plan.ts';

export type Urls = Readonly<{ waybill: string; lc: string; customs: string }>;
export type PlayContext = Readonly<{ urls: Urls; cast: Cast; say: Say; waitMs?: number }>;

type Declaration = { id: string; type: string; office: string; status: string; channel: string | null };

/**
 * Plays one shipment through the REST APIs as its parties would (docs/contract.md §3–§5). A refused step is printed and the
 * play goes on, so the console shows what happened. Returns the bill's id (the shipment), if it was submitted.
 */
export const playShipment = async (ctx: PlayContext, plan: ShipmentPlan): Promise<string | undefined> => {
  const { urls, cast, say } = ctx;
  const d = dateShifter(plan.anchor);
  const p = plan.parties;
  const as = (role: keyof Cast): Member => cast[role];
  const waitMs = ctx.waitMs ?? 30_000;
  const step = (line: string) => say(`  · ${line}`);
  say(`\n▶ ${plan.label} (dates shifted: ${plan.anchor} → ${d.date(plan.anchor)})`);

  // a credit number unique per run (MT700 field 20: at most 16 characters)
  const creditNumber = `${plan.creditNumber}${randomBytes(2).toString('hex').toUpperCase()}`.slice(0, 16);
  step(`${as(p.issuingBank).id} issues credit ${creditNumber}`);
  const credit = await call(say, as(p.issuingBank), 'POST', `${urls.lc}/credits`, plan.credit(cast, creditNumber, d));
  const creditId = credit.body.id;
  if (creditId !== undefined) {
    step(`${as(p.nominatedBank).id} advises it`);
    await call(say, as(p.nominatedBank), 'POST', `${urls.lc}/credits/${creditId}/advise`, {});
  }

  step(`${as(p.shipper).id} submits the bill`);
  const bill = await call(say, as(p.shipper), 'POST', `${urls.waybill}/waybills`, plan.bill(cast, creditNumber));
  const id = bill.body.id;
  if (id === undefined) return undefined;
  const waybill = `${urls.waybill}/waybills/${id}`;
  const issued = await call(say, as(p.carrier), 'POST', `${waybill}/issue`, {});
  step(`${as(p.carrier).id} issues bill ${String(issued.body.billNumber ?? '?')} (shipment ${id})`);

  const customsOf = async (kind: string) =>
    ((await call(say, as(p.carrier), 'GET', waybill)).body.customs as Record<string, string | null> | undefined)?.[
      kind
    ];
  step('waiting for the automatic export release');
  const exported = await waitFor(async () => ((await customsOf('export')) === 'released' ? true : undefined), waitMs);
  if (exported === undefined) say('    ✗ export not released in time; going on');
  await settleDeclarations(ctx, plan, id);

  const milestone = async (m: ShipmentPlan['before'][number]) => {
    step(`leg ${m.leg} ${m.event} at ${m.location}${m.name === undefined ? '' : ` (${m.name})`} on ${d.date(m.date)}`);
    const { date, hour, ...rest } = m;
    return call(say, as(p.carrier), 'POST', `${waybill}/milestones`, { ...rest, at: d.at(date, hour) });
  };
  for (const m of plan.before) await milestone(m);

  // docs/title.md: the bill is to the order of the issuing bank, so the beneficiary hands it on without endorsing
  step(`${as(p.shipper).id} transfers the bill to ${as(p.nominatedBank).id} and presents under the credit`);
  await call(say, as(p.shipper), 'POST', `${waybill}/transfer`, { to: as(p.nominatedBank).id });
  let presentation: Answer | undefined;
  if (creditId !== undefined) {
    const credits = `${urls.lc}/credits/${creditId}`;
    presentation = await call(say, as(p.shipper), 'POST', `${credits}/presentations`, {
      waybillId: id,
      invoice: plan.invoice(cast, d),
      documents: plan.documents(cast, d),
    });
    const pid = presentation.body.id;
    if (pid !== undefined) {
      // examination may wait for the bill's events to reach the credit service
      const examined = await waitFor(async () => {
        const c = await call(say, as(p.issuingBank), 'GET', credits);
        const found = (
          c.body.presentations as
            | { id: string; status: string; result?: string; discrepancies?: { code: string }[] }[]
            | undefined
        )?.find((x) => x.id === pid);
        return found !== undefined && ['complying', 'discrepant'].includes(found.result ?? found.status)
          ? found
          : undefined;
      }, waitMs);
      const codes = (examined?.discrepancies ?? []).map((x) => x.code).join(', ');
      step(
        `examined: ${examined?.result ?? examined?.status ?? String(presentation.body.status)}${codes && ` (${codes})`}`,
      );
      step(`${as(p.nominatedBank).id} honours and forwards the documents to ${as(p.issuingBank).id}`);
      await call(say, as(p.nominatedBank), 'POST', `${credits}/presentations/${pid}/honour`, {});
      await call(say, as(p.nominatedBank), 'POST', `${credits}/presentations/${pid}/forward`, {});
      step(`waiting for the bill to reach ${as(p.issuingBank).id}, its order party`);
      const forwarded = await waitFor(async () => {
        const b = await call(say, as(p.carrier), 'GET', waybill);
        return b.body.holder === as(p.issuingBank).id ? true : undefined;
      }, waitMs);
      if (forwarded === undefined) say('    ✗ the bill did not reach the issuing bank in time; going on');
      step(`${as(p.issuingBank).id} pays`);
      await call(say, as(p.issuingBank), 'POST', `${credits}/presentations/${pid}/pay`, {});
    }
  }
  step(`waiting for ${as(p.issuingBank).id} to endorse the bill on to ${as(p.consignee).id}`);
  const held = await waitFor(async () => {
    const b = await call(say, as(p.carrier), 'GET', waybill);
    return b.body.holder === as(p.consignee).id ? true : undefined;
  }, waitMs);
  if (held === undefined) say('    ✗ the bill did not reach the applicant in time; going on');

  for (const m of plan.after) await milestone(m);
  await settleDeclarations(ctx, plan, id);

  step(`${as(p.consignee).id} lodges the import at ${plan.importOffice}`);
  // customs learns the bill's holder from the waybill's events: until it has, the importer is not yet the holder (409)
  const lodge = () =>
    call(say, as(p.consignee), 'POST', `${urls.customs}/declarations`, {
      type: 'import',
      waybillId: id,
      office: plan.importOffice,
      ...plan.importValuation,
    });
  const lodged =
    (await waitFor(async () => {
      const r = await lodge();
      return r.status === 409 ? undefined : r;
    }, waitMs)) ?? (await lodge());
  await settleDeclarations(ctx, plan, id);
  // docs/customs.md: duty and VAT are paid (or guaranteed) before the goods are released
  const duties = lodged.body.duties as { duty?: { amount: string }; vat?: { amount: string } } | undefined;
  if (typeof lodged.body.id === 'string' && duties !== undefined) {
    step(`${as(p.consignee).id} pays duty ${duties.duty?.amount ?? '?'} and VAT ${duties.vat?.amount ?? '?'}`);
    await call(say, as(p.consignee), 'POST', `${urls.customs}/declarations/${lodged.body.id}/payment`, {
      method: 'paid',
      reference: `DEMO-${lodged.body.id.slice(-8)}`,
    });
  }
  const imported = await waitFor(async () => ((await customsOf('import')) === 'released' ? true : undefined), waitMs);
  if (imported === undefined) say('    ✗ import not released in time; going on');

  step(`${as(p.consignee).id} surrenders the bill; ${as(p.carrier).id} delivers`);
  await call(say, as(p.consignee), 'POST', `${waybill}/surrender`, {});
  const done = await call(say, as(p.carrier), 'POST', `${waybill}/deliver`, {});
  step(`bill ${String(done.body.status ?? 'not accomplished')}`);
  return id;
};

/** Officers decide what waits for them (yellow: release; red: inspect, then release); transits are discharged. */
const settleDeclarations = async (ctx: PlayContext, plan: ShipmentPlan, waybillId: string): Promise<void> => {
  const { urls, cast, say } = ctx;
  for (const [office, role] of Object.entries(plan.parties.customs)) {
    const officer = cast[role];
    const list = await call(say, officer, 'GET', `${urls.customs}/declarations?waybillId=${waybillId}&limit=100`);
    const items = (list.body.items ?? []) as Declaration[];
    for (const decl of items) {
      const url = `${urls.customs}/declarations/${decl.id}`;
      if (decl.office === office && (decl.status === 'under_control' || decl.status === 'held')) {
        if (decl.channel === 'red' && decl.status === 'under_control') {
          say(`  · ${officer.id}: red ${decl.type} at ${office}, inspection`);
          await call(say, officer, 'POST', `${url}/decision`, { outcome: 'inspect', reason: 'physical examination' });
        }
        say(`  · ${officer.id}: releases the ${decl.type} at ${office} (${decl.channel ?? 'no'} channel)`);
        await call(say, officer, 'POST', `${url}/decision`, {
          outcome: 'release',
          reason: 'documents and goods in order',
        });
      }
      if (decl.type === 'transit' && decl.status === 'released' && office === plan.importOffice) {
        say(`  · ${officer.id}: discharges the transit at ${office}`);
        await call(say, officer, 'POST', `${url}/discharge`, {});
      }
    }
  }
};
