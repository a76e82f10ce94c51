import { type CastMember, chongqingDuisburgBill, creditA, presentation } from '@railbill/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentsFoldTheirEvents } from '../consistency.ts';
import { type InProcessSystem, type ServiceName, startInProcessSystem } from './system.ts';

// The authorisation matrix (issue #16), generated from the contract's access rules (docs/contract.md §2, §8):
// every member of the cast (every role; named on the document or not; holder or not) × every action → the status.
// One row per action: a new act (a title act, a message) is one more row.
let sys: InProcessSystem;
beforeAll(async () => {
  sys = await startInProcessSystem();
  return sys.stop;
});

const CAST: readonly CastMember[] = [
  'shipper',
  'shipper2',
  'stranger',
  'consignee',
  'consignee2',
  'carrier',
  'seaCarrier',
  'bank',
  'nominatedBank',
  'sgBank',
  'customsCn',
  'customsDe',
  'operator',
];
const roleOf: Record<CastMember, string> = {
  shipper: 'shipper',
  shipper2: 'shipper',
  stranger: 'shipper',
  consignee: 'consignee',
  consignee2: 'consignee',
  carrier: 'carrier',
  seaCarrier: 'carrier',
  bank: 'bank',
  nominatedBank: 'bank',
  sgBank: 'bank',
  customsCn: 'customs',
  customsDe: 'customs',
  customsPl: 'customs',
  customsSg: 'customs',
  operator: 'operator',
};
/** Roles that can hold a bill's title: a party of such a role that is not the holder now gets 409, others 403. */
const TITLE_ROLES = ['shipper', 'consignee', 'bank'];

/**
 * A document as the matrix sees it: who is on it (reads it), who holds it and whether that holder is entitled (the
 * bill's order party, or the holder of a bearer bill; docs/title.md).
 */
type Doc = Readonly<{
  id: string;
  on: ReadonlySet<CastMember>;
  holder?: CastMember;
  entitled?: boolean;
  /** A body the setup prepared for the call (a presentation's documents). */
  body?: unknown;
}>;
type Call = Readonly<{ method: 'GET' | 'POST'; url: string; body?: unknown }>;

type Row = Readonly<{
  action: string;
  service: ServiceName;
  /** A fresh document in the state the action needs. */
  setup: () => Promise<Doc>;
  call: (doc: Doc) => Call;
  /** The status of a member the contract lets act (state may still say 409); undefined: not in its role here. */
  permitted: (m: CastMember, doc: Doc) => number | undefined;
  /** A title act: a member of a title role that is not the holder now gets 409 (holding is state), not 403. */
  title?: boolean;
  read?: boolean;
}>;

/** The contract's rule, one place: 404 off the document, then operator 403, then role, then holding. */
const expected = (row: Row, m: CastMember, doc: Doc): number => {
  if (!doc.on.has(m) && m !== 'operator') return 404;
  if (row.read) return 200;
  if (m === 'operator') return 403;
  const own = row.permitted(m, doc);
  if (own !== undefined) return own;
  if (row.title === true && TITLE_ROLES.includes(roleOf[m])) return 409;
  return 403;
};

const call = (service: ServiceName, m: CastMember, c: Call) =>
  sys.call[service](m, c.method, c.url, c.method === 'POST' ? (c.body ?? {}) : undefined);

const ok = (status: number, what: string) => {
  if (status >= 300) throw new Error(`setup failed: ${what} → ${status}`);
};

// the sample shipment (a) (docs/shipments.md): a to-order bill; on it: shipper, consignee (also notify party),
// bank (to order), carrier
const BILL_ON: readonly CastMember[] = ['shipper', 'consignee', 'bank', 'carrier'];
const submitted = async (): Promise<Doc> => {
  const r = await sys.call.waybill('shipper', 'POST', '/waybills', chongqingDuisburgBill(sys.parties));
  ok(r.status, 'submit');
  return { id: r.body.id as string, on: new Set(BILL_ON) };
};
const issued = async (): Promise<Doc> => {
  const doc = await submitted();
  ok((await sys.call.waybill('carrier', 'POST', `/waybills/${doc.id}/issue`, {})).status, 'issue');
  return { ...doc, holder: 'shipper' };
};
/**
 * Held by a party the content does not name, for someone else: the nominated bank, by transfer (the bill is to the
 * order of the issuing bank, so the nominated bank is not entitled).
 */
const heldByUnnamed = async (): Promise<Doc> => {
  const doc = await issued();
  const to = sys.parties.id('nominatedBank');
  ok((await sys.call.waybill('shipper', 'POST', `/waybills/${doc.id}/transfer`, { to })).status, 'transfer');
  return { ...doc, on: new Set([...doc.on, 'nominatedBank']), holder: 'nominatedBank' };
};
/** Held by its order party, the issuing bank, which is therefore entitled (docs/title.md). */
const heldByOrderParty = async (): Promise<Doc> => {
  const doc = await issued();
  const to = sys.parties.id('bank');
  ok((await sys.call.waybill('shipper', 'POST', `/waybills/${doc.id}/transfer`, { to })).status, 'transfer');
  return { ...doc, holder: 'bank', entitled: true };
};

// the credit of sample shipment (a): issuing bank `bank`, advising and nominated `nominatedBank`, applicant `consignee`,
// beneficiary `shipper`
const CREDIT_ON: readonly CastMember[] = ['bank', 'nominatedBank', 'consignee', 'shipper'];
let credits = 0;
/** Credit A's terms under a number of its own (a credit number is unique). */
const creditTerms = () => creditA(sys.parties, { number: `MX${process.pid % 1000}N${++credits}` });
const credit = async (): Promise<Doc> => {
  const r = await sys.call['letter-of-credit']('bank', 'POST', '/credits', creditTerms());
  ok(r.status, 'issue credit');
  return { id: r.body.id as string, on: new Set(CREDIT_ON) };
};

// the export declaration customs lodges by itself when the bill is issued (docs/contract.md §5): on it, the bill's
// shipper, consignee (notify party) and carriers, and customs at its office (Chongqing), but not the to-order bank
// (customs names the bill's parties without it, by design); an AEO exporter's export is released with no officer
const DECLARATION_ON: readonly CastMember[] = ['shipper', 'consignee', 'carrier', 'customsCn'];
/** Credit A, advised by the advising bank (the state a presentation needs). */
const advised = async (): Promise<Doc> => {
  const doc = await credit();
  ok((await sys.call['letter-of-credit']('nominatedBank', 'POST', `/credits/${doc.id}/advise`, {})).status, 'advise');
  return doc;
};
/** An advised credit with amendment 1 proposed by the issuing bank. */
const amended = async (): Promise<Doc> => {
  const doc = await advised();
  const changes = { presentationPeriodDays: 15 };
  ok(
    (await sys.call['letter-of-credit']('bank', 'POST', `/credits/${doc.id}/amendments`, { changes })).status,
    'amend',
  );
  return doc;
};
/** The presentation's body: a bill under the credit, issued and transferred to the nominated bank (the presenter). */
const presentable = async (creditId: string, amount: string) => {
  const number = (
    (await sys.call['letter-of-credit']('bank', 'GET', `/credits/${creditId}`)).body as { number: string }
  ).number;
  const bill = await sys.call.waybill(
    'shipper',
    'POST',
    '/waybills',
    chongqingDuisburgBill(sys.parties, { creditNumber: number }),
  );
  ok(bill.status, 'submit');
  const id = bill.body.id as string;
  ok((await sys.call.waybill('carrier', 'POST', `/waybills/${id}/issue`, {})).status, 'issue');
  const to = sys.parties.id('nominatedBank');
  ok((await sys.call.waybill('shipper', 'POST', `/waybills/${id}/transfer`, { to })).status, 'transfer');
  return presentation(sys.parties, { waybillId: id, amount, goods: creditA(sys.parties).goodsDescription });
};
/** An advised credit and the presentation's body (doc.body) ready to present. */
const readyToPresent = async (): Promise<Doc> => {
  const doc = await advised();
  return { ...doc, body: await presentable(doc.id, '1248000.00') };
};
/**
 * A presentation, examined: complying, or discrepant above the amount's tolerance (AMOUNT_EXCEEDS_TOLERANCE); its id is
 * the path `{credit}/presentations/{p}`.
 */
const examined = (result: 'complying' | 'discrepant') => async (): Promise<Doc> => {
  const doc = await advised();
  const body = await presentable(doc.id, result === 'complying' ? '1248000.00' : '1400000.00');
  const r = await sys.call['letter-of-credit']('shipper', 'POST', `/credits/${doc.id}/presentations`, body);
  ok(r.status, 'present');
  const pid = r.body.id as string;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const c = await sys.call['letter-of-credit']('shipper', 'GET', `/credits/${doc.id}`);
    const p = (c.body.presentations as { id: string; result: string | null }[]).find((x) => x.id === pid);
    if (p?.result === result) return { ...doc, id: `${doc.id}/presentations/${pid}` };
    if (p?.result !== null && p?.result !== undefined) throw new Error(`setup failed: examined ${p.result}`);
    if (Date.now() > deadline) throw new Error('setup failed: no examination');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
/** A complying presentation honoured by the nominated bank. */
const honoured = async (): Promise<Doc> => {
  const doc = await examined('complying')();
  ok((await sys.call['letter-of-credit']('nominatedBank', 'POST', `/credits/${doc.id}/honour`, {})).status, 'honour');
  return doc;
};

const exportDeclaration = async (): Promise<Doc> => {
  const bill = await issued();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = await sys.call['customs-clearance']('operator', 'GET', `/declarations?waybillId=${bill.id}`);
    const found = (r.body.items as { id: string; type: string; status: string }[] | undefined)?.find(
      (d) => d.type === 'export' && d.status === 'released',
    );
    if (found !== undefined) return { id: found.id, on: new Set(DECLARATION_ON) };
    if (Date.now() > deadline) throw new Error('setup failed: no export declaration released');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`setup failed: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
/** Customs learns the bill's holder from the waybill events it consumes (docs/contract.md §5). */
const customsKnowsHolder = (billId: string, m: CastMember) =>
  until(`customs to know ${m} holds the bill`, async () => {
    const r = await sys.services['customs-clearance'].deps.pool.query(
      `select state from projections where name = 'bills' and id = $1`,
      [billId],
    );
    return (r.rows[0]?.state as { holder?: string } | undefined)?.holder === sys.parties.id(m) ? true : undefined;
  });
/**
 * The bill endorsed on by its order party, the issuing bank, to the consignee, which is now its entitled holder and
 * imports (docs/title.md). On it as customs sees it: the bill's parties without the to-order bank (as on the export),
 * so the bank, which no longer holds it, is a stranger to customs (404).
 */
const IMPORT_ON: readonly CastMember[] = ['shipper', 'consignee', 'carrier'];
const withConsignee = async (): Promise<Doc> => {
  const doc = await heldByOrderParty();
  const to = sys.parties.id('consignee');
  ok((await sys.call.waybill('bank', 'POST', `/waybills/${doc.id}/endorse`, { to })).status, 'endorse');
  await customsKnowsHolder(doc.id, 'consignee');
  return { id: doc.id, on: new Set(IMPORT_ON), holder: 'consignee', entitled: true };
};
/** The consignee's import at the bill's place of delivery (Duisburg), accepted and waiting for its duty and VAT. */
const importLodged = async (): Promise<Doc> => {
  const bill = await withConsignee();
  const r = await sys.call['customs-clearance']('consignee', 'POST', '/declarations', {
    type: 'import',
    waybillId: bill.id,
  });
  ok(r.status, 'lodge the import');
  const id = r.body.id as string;
  if (r.body.status === 'under_control') {
    const decision = { outcome: 'release', reason: 'documents in order' };
    ok(
      (await sys.call['customs-clearance']('customsDe', 'POST', `/declarations/${id}/decision`, decision)).status,
      'decide',
    );
  }
  return { id, on: new Set([...IMPORT_ON, 'customsDe']) };
};
/** The transit opened at the EU border (Małaszewicze) and released, the goods arrived at Duisburg, its destination. */
const transitArrived = async (): Promise<Doc> => {
  const bill = await issued();
  // the goods depart once the export is released (docs/contract.md §3)
  await until('the export released on the bill', async () => {
    const r = await sys.call.waybill('carrier', 'GET', `/waybills/${bill.id}`);
    return (r.body.customs as { export: string | null } | undefined)?.export === 'released' ? true : undefined;
  });
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  for (const m of [
    { ...gateIn(), at: at(5) },
    { leg: 1, event: 'departed', at: at(4), location: 'CNCQI' },
    { leg: 1, event: 'border_crossed', at: at(3), location: 'PLMAA' },
    { leg: 1, event: 'arrived', at: at(1), location: 'DEDUI' },
  ])
    ok((await sys.call.waybill('carrier', 'POST', `/waybills/${bill.id}/milestones`, m)).status, m.event);
  const id = await until('the transit released', async () => {
    const r = await sys.call['customs-clearance']('operator', 'GET', `/declarations?waybillId=${bill.id}`);
    const items = r.body.items as { id: string; type: string; status: string }[] | undefined;
    return items?.find((d) => d.type === 'transit' && d.status === 'released')?.id;
  });
  return { id, on: new Set([...IMPORT_ON, 'customsDe']) };
};

const is =
  (status: number, ...members: CastMember[]) =>
  (m: CastMember) =>
    members.includes(m) ? status : undefined;
const holder = (status: number) => (m: CastMember, doc: Doc) => (doc.holder === m ? status : undefined);
/** Only the entitled holder acts; a holder that is not entitled gets 409 like any other title role (holding is state). */
const entitledHolder = (status: number) => (m: CastMember, doc: Doc) =>
  doc.holder === m && doc.entitled === true ? status : undefined;
const gateIn = () => ({
  leg: 1,
  event: 'gate_in',
  at: new Date(Date.now() - 3_600_000).toISOString(),
  location: 'CNCQI',
});

type Setup = () => Promise<Doc>;
const BASE: Record<ServiceName, string> = {
  waybill: '/waybills',
  'letter-of-credit': '/credits',
  'customs-clearance': '/declarations',
};
/** Rows where every member on the document reads `path` below it (`''`: the document itself). */
const reads = (service: ServiceName, setup: Setup, rows: readonly (readonly [action: string, path: string])[]) =>
  rows.map(
    ([action, path]): Row => ({
      action,
      service,
      setup,
      call: (d) => ({ method: 'GET', url: `${BASE[service]}/${d.id}${path}` }),
      permitted: () => undefined,
      read: true,
    }),
  );
/** A row that POSTs to `path` below the document, with a body made for it (else `{}`). */
const acts = (
  action: string,
  service: ServiceName,
  setup: Setup,
  path: string,
  permitted: Row['permitted'],
  o: Readonly<{ body?: (d: Doc) => unknown; title?: true }> = {},
): Row => ({
  action,
  service,
  setup,
  call: (d) => ({ method: 'POST', url: `${BASE[service]}/${d.id}${path}`, body: o.body?.(d) }),
  permitted,
  ...(o.title === undefined ? {} : { title: o.title }),
});
const to = (m: CastMember) => () => ({ to: sys.parties.id(m) });
const title = true;

const ROWS: readonly Row[] = [
  // waybill (docs/contract.md §3)
  ...reads('waybill', issued, [
    ['read a bill', ''],
    ['read its history', '/history'],
    ['verify it', '/verify'],
  ]),
  acts('issue', 'waybill', submitted, '/issue', is(200, 'carrier')),
  acts('void', 'waybill', submitted, '/void', is(200, 'shipper'), { body: () => ({ reason: 'matrix' }) }),
  acts('amend before issue', 'waybill', submitted, '/amend', is(200, 'shipper', 'carrier'), {
    body: () => ({ freight: 'collect' }),
  }),
  acts('amend after issue, unasked', 'waybill', issued, '/amend', is(409, 'carrier', 'shipper'), {
    body: () => ({ freight: 'collect' }),
  }),
  acts('record a milestone', 'waybill', issued, '/milestones', is(200, 'carrier'), { body: gateIn }),
  acts('endorse', 'waybill', heldByOrderParty, '/endorse', entitledHolder(200), { body: to('consignee'), title }),
  acts('endorse, held by an unnamed party not entitled', 'waybill', heldByUnnamed, '/endorse', entitledHolder(200), {
    body: to('consignee'),
    title,
  }),
  acts('transfer, held by an unnamed party', 'waybill', heldByUnnamed, '/transfer', holder(200), {
    body: to('bank'),
    title,
  }),
  acts('pledge', 'waybill', heldByOrderParty, '/pledge', entitledHolder(200), { body: to('nominatedBank'), title }),
  acts('instruct the carrier', 'waybill', heldByOrderParty, '/instructions', entitledHolder(201), {
    body: () => ({ kind: 'stop' }),
    title,
  }),
  acts('request an amendment', 'waybill', heldByOrderParty, '/amendment-requests', entitledHolder(201), {
    body: () => ({ changes: { freight: 'collect' } }),
    title,
  }),
  acts('surrender before arrival', 'waybill', issued, '/surrender', holder(409), { title }),
  acts('deliver before surrender', 'waybill', issued, '/deliver', is(409, 'carrier')),
  // letter of credit (docs/contract.md §4)
  ...reads('letter-of-credit', credit, [
    ['read a credit', ''],
    ['read its MT700', '/mt700'],
  ]),
  acts('advise', 'letter-of-credit', credit, '/advise', is(200, 'nominatedBank')),
  acts('propose an amendment', 'letter-of-credit', credit, '/amendments', is(201, 'bank'), {
    body: () => ({ changes: { presentationPeriodDays: 15 } }),
  }),
  acts('accept an amendment', 'letter-of-credit', amended, '/amendments/1/accept', is(200, 'shipper')),
  acts('reject an amendment', 'letter-of-credit', amended, '/amendments/1/reject', is(200, 'shipper')),
  acts('present documents', 'letter-of-credit', readyToPresent, '/presentations', is(201, 'shipper'), {
    body: (d) => d.body,
  }),
  acts('waive discrepancies', 'letter-of-credit', examined('discrepant'), '/waive', is(200, 'consignee')),
  acts('honour', 'letter-of-credit', examined('complying'), '/honour', is(200, 'bank', 'nominatedBank')),
  acts('refuse', 'letter-of-credit', examined('discrepant'), '/refuse', is(200, 'bank', 'nominatedBank'), {
    body: () => ({ disposal: 'holding_until_waiver' }),
  }),
  acts('forward', 'letter-of-credit', honoured, '/forward', is(200, 'nominatedBank')),
  acts('pay', 'letter-of-credit', honoured, '/pay', is(200, 'bank')),
  ...reads('letter-of-credit', credit, [
    ['read its messages', '/messages'],
    ['read one message (its MT700)', '/messages/1'],
  ]),
  // customs clearance (docs/contract.md §5)
  ...reads('customs-clearance', exportDeclaration, [['read a declaration', '']]),
  acts('decide on a released declaration', 'customs-clearance', exportDeclaration, '/decision', is(409, 'customsCn'), {
    body: () => ({ outcome: 'hold', reason: 'matrix' }),
  }),
  {
    action: 'lodge an import',
    service: 'customs-clearance',
    setup: withConsignee,
    call: (d) => ({ method: 'POST', url: '/declarations', body: { type: 'import', waybillId: d.id } }),
    permitted: entitledHolder(201),
    title: true,
  },
  acts('pay duties on an import', 'customs-clearance', importLodged, '/payment', is(200, 'consignee'), {
    body: () => ({ method: 'paid', reference: 'MATRIX-1' }),
  }),
  acts('discharge a transit', 'customs-clearance', transitArrived, '/discharge', is(200, 'customsDe')),
];

describe('the authorisation matrix: every member of the cast × every action', () => {
  it.each(ROWS.map((r) => [r.action, r] as const))('%s', async (_, row) => {
    // the refusals first, on one document (a refusal changes nothing); then each permitted member on a fresh one
    const doc = await row.setup();
    const refused = CAST.filter((m) => row.read === true || row.permitted(m, doc) === undefined);
    const answers: string[] = [];
    const wanted: string[] = [];
    for (const m of refused) {
      const r = await call(row.service, m, row.call(doc));
      answers.push(`${m}: ${r.status}`);
      wanted.push(`${m}: ${expected(row, m, doc)}`);
      if (r.status >= 400) expect(String(r.headers['content-type'])).toContain('application/problem+json');
    }
    for (const m of CAST.filter((x) => !refused.includes(x))) {
      const fresh = await row.setup();
      const r = await call(row.service, m, row.call(fresh));
      answers.push(`${m}: ${r.status}`);
      wanted.push(`${m}: ${expected(row, m, fresh)}`);
    }
    expect(answers).toEqual(wanted);
  });

  it('refuses a credit issued by anyone but the issuing bank it names', async () => {
    const answers = await Promise.all(
      CAST.map(
        async (m) => `${m}: ${(await sys.call['letter-of-credit'](m, 'POST', '/credits', creditTerms())).status}`,
      ),
    );
    expect(answers).toEqual(CAST.map((m) => `${m}: ${m === 'bank' ? 201 : 403}`));
  });

  it('lets only shippers submit a bill, as themselves', async () => {
    const answers: string[] = [];
    for (const m of CAST)
      answers.push(
        `${m}: ${(await sys.call.waybill(m, 'POST', '/waybills', chongqingDuisburgBill(sys.parties))).status}`,
      );
    expect(answers).toEqual(CAST.map((m) => `${m}: ${m === 'shipper' ? 201 : 403}`));
  });
});

documentsFoldTheirEvents({ databaseUrls: () => Object.values(sys.databases) });
