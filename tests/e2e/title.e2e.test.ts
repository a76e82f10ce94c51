import { type CastMember, chongqingDuisburgBill, creditA, daysAgo, presentation, until } from '@railbill/testkit';
import { useSystem } from '@railbill/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { documentsFoldTheirEvents } from '../consistency.ts';
import { projectionRow } from '../support.ts';

// docs/title.md end to end, the three services as real processes talking only through Kafka: payment before the
// forward (the release waits), a sale in transit, pledge financing, and the holder's instructions with customs following.
const sys = useSystem(['waybill', 'letter-of-credit', 'customs-clearance']);
const { parties, call, ok } = sys;

type Body = Record<string, unknown>;
const bill = async (id: string, as: CastMember = 'carrier') =>
  (await call('waybill', as, 'GET', `/waybills/${id}`)).body;
const kinds = (b: Body) => (b.endorsements as { kind: string }[]).map((e) => e.kind);

/** Submits and issues a bill, waits for export release and lets it depart. */
const departedBill = async (override: Parameters<typeof chongqingDuisburgBill>[1] = {}) => {
  const submitted = await ok('waybill', 'shipper', '/waybills', chongqingDuisburgBill(parties, override), 201);
  const id = submitted.id as string;
  await ok('waybill', 'carrier', `/waybills/${id}/issue`);
  await until('export released on the bill', async () =>
    ((await bill(id)).customs as { export: string | null }).export === 'released' ? true : undefined,
  );
  for (const m of [
    { leg: 1, event: 'gate_in', at: daysAgo(4), location: 'CNCQI' },
    { leg: 1, event: 'departed', at: daysAgo(3), location: 'CNCQI' },
  ])
    await ok('waybill', 'carrier', `/waybills/${id}/milestones`, m);
  return id;
};

/** Lodges the import as `importer` (office defaulting to the bill's place of delivery) and waits for its release. */
const importGoods = async (id: string, importer: CastMember, office?: string) => {
  await customsKnowsHolder(id, importer);
  const declaration = await ok(
    'customs-clearance',
    importer,
    '/declarations',
    { type: 'import', waybillId: id, ...(office === undefined ? {} : { office }) },
    201,
  );
  if (declaration.status === 'under_control')
    await ok('customs-clearance', 'customsDe', `/declarations/${declaration.id as string}/decision`, {
      outcome: 'release',
      reason: 'documents in order',
    });
  // docs/customs.md §7: duty and VAT are paid before release
  await ok('customs-clearance', importer, `/declarations/${declaration.id as string}/payment`, {
    method: 'paid',
    reference: `PAY-${(declaration.id as string).slice(-8)}`,
  });
  await until('import released on the bill', async () =>
    ((await bill(id)).customs as { import: string | null }).import === 'released' ? true : undefined,
  );
  return declaration;
};

/** Customs learns the bill's holder from the waybill events it consumes (docs/contract.md §5: never by calling the waybill service). */
const customsKnowsHolder = (id: string, holder: CastMember) =>
  until(`customs to know ${holder} holds the bill`, async () =>
    (await projectionRow(sys.processOf('customs-clearance'), 'bills', id))?.state.holder === parties.id(holder)
      ? true
      : undefined,
  );

const arrive = (id: string, location = 'DEDUI') =>
  ok('waybill', 'carrier', `/waybills/${id}/milestones`, { leg: 1, event: 'arrived', at: daysAgo(0, 0), location });

/**
 * A credit numbered `number`, advised; its departed bill handed to the nominated bank and presented with an invoice
 * of `amount`; once examined with `result`, answers the bill's id and the presentation's path.
 */
const presentedAndExamined = async (number: string, amount: string, result: 'complying' | 'discrepant') => {
  const credit = await ok('letter-of-credit', 'bank', '/credits', creditA(parties, { number }), 201);
  const creditPath = `/credits/${credit.id as string}`;
  await ok('letter-of-credit', 'nominatedBank', `${creditPath}/advise`);
  const id = await departedBill({ creditNumber: number });
  await ok('waybill', 'shipper', `/waybills/${id}/transfer`, { to: parties.id('nominatedBank') });
  const goods = creditA(parties).goodsDescription;
  const presented = await ok(
    'letter-of-credit',
    'shipper',
    `${creditPath}/presentations`,
    presentation(parties, { waybillId: id, amount, goods }),
    201,
  );
  await until('the examination', async () => {
    const r = await call('letter-of-credit', 'shipper', 'GET', creditPath);
    const found = (r.body.presentations as { id: string; result: string | null }[]).find((x) => x.id === presented.id);
    return found?.result === result ? true : undefined;
  });
  return { id, p: `${creditPath}/presentations/${presented.id as string}` };
};

describe('the bill as a document of title, end to end', () => {
  it('releases on a payment made before the forward once the bill reaches the issuing bank — no dead letter', async () => {
    const { id, p } = await presentedAndExamined('RRH26DC000418', '1248000.00', 'complying');
    await ok('letter-of-credit', 'nominatedBank', `${p}/honour`);
    await ok('letter-of-credit', 'bank', `${p}/forward`, {}, 403);
    await ok('letter-of-credit', 'bank', `${p}/pay`);

    // the waybill service learns of the payment, but the nominated bank holds the bill for the issuing bank: it waits
    await until('the payment seen on the bill', async () =>
      ((await bill(id)).credit as { status: string | null }).status === 'paid' ? true : undefined,
    );
    const waiting = await until('the release kept pending', async () =>
      projectionRow(sys.processOf('waybill'), 'pending_release', id),
    );
    expect(waiting.state).toMatchObject({ applicant: parties.id('consignee') });
    expect(await bill(id)).toMatchObject({ holder: parties.id('nominatedBank'), entitled: false });

    await ok('letter-of-credit', 'nominatedBank', `${p}/forward`);
    const released = await until('the bill released to the applicant', async () => {
      const b = await bill(id, 'consignee');
      return b.holder === parties.id('consignee') ? b : undefined;
    });
    expect(kinds(released)).toEqual(['issue', 'transfer', 'transfer', 'endorse']);
    expect(released).toMatchObject({ orderOf: parties.id('consignee'), entitled: true });
    expect(await projectionRow(sys.processOf('waybill'), 'pending_release', id)).toBeUndefined();
    await ok('letter-of-credit', 'nominatedBank', `${p}/forward`, {}, 409);
    // nothing went to the waybill service's dead-letter topic
    const metrics = await (await fetch(`${sys.url('waybill')}/metrics`)).text();
    expect(metrics).not.toMatch(/railbill_inbox_messages_total\{[^}]*outcome="dead_lettered"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/railbill_inbox_messages_total\{[^}]*outcome="applied"[^}]*\} [1-9]/);
  });

  it('gives the bill back to the presenter when a refusal returns the documents', async () => {
    // an invoice above the tolerance: discrepant
    const { id, p } = await presentedAndExamined('RRH26DC000419', '1400000.00', 'discrepant');
    await ok('letter-of-credit', 'nominatedBank', `${p}/refuse`, {
      reason: 'amount above the credit',
      disposal: 'returning',
    });
    const back = await until('the bill back with the presenter', async () => {
      const b = await bill(id, 'shipper');
      return b.holder === parties.id('shipper') ? b : undefined;
    });
    expect(kinds(back)).toEqual(['issue', 'transfer', 'transfer']);
    expect((back.endorsements as { causationId?: string }[]).at(-1)?.causationId).toEqual(expect.any(String));
  });

  it('sells the goods in transit: the second buyer, named nowhere on the bill, imports and takes delivery', async () => {
    const id = await departedBill({ toOrderOf: parties.id('shipper') });
    await ok('waybill', 'shipper', `/waybills/${id}/endorse`, { to: parties.id('consignee') });
    // the first buyer sells on while the goods travel
    const sold = await ok('waybill', 'consignee', `/waybills/${id}/endorse`, { to: parties.id('consignee2') });
    expect(sold).toMatchObject({ holder: parties.id('consignee2'), orderOf: parties.id('consignee2'), entitled: true });
    await arrive(id);
    // the named consignee no longer holds the bill and may not import; the buyer that holds it may
    await customsKnowsHolder(id, 'consignee2');
    await ok('customs-clearance', 'consignee', '/declarations', { type: 'import', waybillId: id }, 409);
    const declaration = await importGoods(id, 'consignee2');
    expect(declaration).toMatchObject({ office: 'DEDUI', importer: { id: parties.id('consignee2') } });
    await ok('waybill', 'consignee', `/waybills/${id}/surrender`, {}, 409);
    await ok('waybill', 'consignee2', `/waybills/${id}/surrender`);
    const delivered = await ok('waybill', 'carrier', `/waybills/${id}/deliver`);
    expect(delivered).toMatchObject({ status: 'accomplished' });
    expect(kinds(delivered)).toEqual(['issue', 'endorse', 'endorse', 'surrender']);
    const verdict = await call('waybill', 'consignee2', 'GET', `/waybills/${id}/verify`);
    expect(verdict.body).toMatchObject({ valid: true, signature: { valid: true }, problems: [] });
  });

  it('finances the goods by pledge: released to the pledgor; enforced, and the bank sells by endorsement', async () => {
    const id = await departedBill({ toOrderOf: parties.id('shipper') });
    const pledged = await ok('waybill', 'shipper', `/waybills/${id}/pledge`, { to: parties.id('bank') });
    expect(pledged).toMatchObject({
      holder: parties.id('bank'),
      orderOf: parties.id('shipper'),
      entitled: false,
      pledge: { pledgee: parties.id('bank'), pledgor: parties.id('shipper') },
    });
    await ok('waybill', 'shipper', `/waybills/${id}/endorse`, { to: parties.id('consignee') }, 409);
    await ok('waybill', 'bank', `/waybills/${id}/endorse`, { to: parties.id('consignee') }, 409);
    const back = await ok('waybill', 'bank', `/waybills/${id}/pledge/release`);
    expect(back).toMatchObject({ holder: parties.id('shipper'), entitled: true, pledge: null });

    await ok('waybill', 'shipper', `/waybills/${id}/pledge`, { to: parties.id('sgBank') });
    await ok('waybill', 'sgBank', `/waybills/${id}/pledge/enforce`, {}, 400);
    const enforced = await ok('waybill', 'sgBank', `/waybills/${id}/pledge/enforce`, { reason: 'loan in default' });
    expect(enforced).toMatchObject({ holder: parties.id('sgBank'), orderOf: parties.id('sgBank'), entitled: true });
    const sold = await ok('waybill', 'sgBank', `/waybills/${id}/endorse`, { to: parties.id('consignee') });
    expect(sold).toMatchObject({ holder: parties.id('consignee'), entitled: true, pledge: null });
    expect(kinds(sold)).toEqual(['issue', 'pledge', 'pledge_release', 'pledge', 'pledge_enforce', 'endorse']);
  });

  it('stops and resumes the goods, changes their destination, and customs follows the new place of delivery', async () => {
    const id = await departedBill({ toOrderOf: parties.id('shipper') });
    const path = `/waybills/${id}/instructions`;
    const stop = await ok('waybill', 'shipper', path, { kind: 'stop' }, 201);
    expect(stop).toMatchObject({ n: 1, kind: 'stop', status: 'requested' });
    expect((await call('waybill', 'carrier', 'GET', `${path}/1`)).body).toMatchObject({ n: 1, status: 'requested' });
    await ok('waybill', 'shipper', path, { kind: 'resume' }, 409); // one open at a time
    expect(await ok('waybill', 'carrier', `${path}/1/accept`)).toMatchObject({ stopped: true });
    const crossing = { leg: 1, event: 'border_crossed', at: daysAgo(2), location: 'CNAKL' };
    await ok('waybill', 'carrier', `/waybills/${id}/milestones`, crossing, 409);
    await ok('waybill', 'shipper', path, { kind: 'resume' }, 201);
    expect(await ok('waybill', 'carrier', `${path}/2/accept`)).toMatchObject({ stopped: false });
    await ok('waybill', 'carrier', `/waybills/${id}/milestones`, crossing);

    // sold in transit to a Hamburg buyer, who redirects the goods
    await ok('waybill', 'shipper', `/waybills/${id}/endorse`, { to: parties.id('consignee') });
    await ok('waybill', 'consignee', path, { kind: 'change_destination', placeOfDelivery: 'DEHAM' }, 201);
    const redirected = await ok('waybill', 'carrier', `${path}/3/accept`);
    expect(redirected).toMatchObject({ placeOfDelivery: 'DEHAM', legs: [{ to: 'DEHAM' }] });
    const history = await call('waybill', 'consignee', 'GET', `/waybills/${id}/history`);
    const accepted = (history.body as unknown as { type: string; signature?: string }[]).filter(
      (e) => e.type === 'waybill.instruction_accepted',
    );
    expect(accepted.at(-1)?.signature).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const verdict = await call('waybill', 'consignee', 'GET', `/waybills/${id}/verify`);
    expect(verdict.body).toMatchObject({ valid: true, signature: { valid: true }, problems: [] });

    // the transit opened at the EU border ends at the new place of delivery
    await ok('waybill', 'carrier', `/waybills/${id}/milestones`, {
      leg: 1,
      event: 'border_crossed',
      at: daysAgo(1),
      location: 'PLMAA',
    });
    const transit = await until('the transit opened', async () => {
      const r = await call('customs-clearance', 'consignee', 'GET', `/declarations?waybillId=${id}`);
      return (r.body.items as Body[]).find((d) => d.type === 'transit');
    });
    expect(transit).toMatchObject({ office: 'PLMAA', destinationOffice: 'DEHAM' });
    await arrive(id, 'DEHAM');
    await until('the transit released', async () => {
      const r = await call('customs-clearance', 'customsDe', 'GET', `/declarations/${transit.id as string}`);
      return r.body.status === 'released' ? true : undefined;
    });
    expect(await ok('customs-clearance', 'customsDe', `/declarations/${transit.id as string}/discharge`)).toMatchObject(
      {
        status: 'discharged',
      },
    );
    const declaration = await importGoods(id, 'consignee');
    expect(declaration).toMatchObject({ office: 'DEHAM' });
    await ok('waybill', 'consignee', path, { kind: 'stop' }, 409); // the goods have arrived
    await ok('waybill', 'consignee', `/waybills/${id}/surrender`);
    expect(await ok('waybill', 'carrier', `/waybills/${id}/deliver`)).toMatchObject({ status: 'accomplished' });
  });
});

documentsFoldTheirEvents(sys);
