// @ts-check
import { el, money, when } from './api.js';
import { routeMap } from './map.js';

/**
 * @param {string} title
 * @param {string} testid
 * @param {(Node | string)[]} children
 */
const card = (title, testid, children) =>
  el('section', { class: 'card', 'data-testid': testid, 'aria-label': title }, [el('h3', {}, [title]), ...children]);

/**
 * @param {string[]} head
 * @param {(Node | string)[][]} rows
 * @param {Record<string, string>[]} [attrs]
 */
const table = (head, rows, attrs = []) =>
  el('table', { class: 'list' }, [
    el('thead', {}, [
      el(
        'tr',
        {},
        head.map((h) => el('th', { scope: 'col' }, [h])),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((r, i) =>
        el(
          'tr',
          attrs[i] ?? {},
          r.map((c) => el('td', {}, [c])),
        ),
      ),
    ),
  ]);

const none = (/** @type {string} */ what) => el('p', { class: 'muted' }, [what]);

/** @param {any} s */
const billCard = (s) => {
  const c = s.content ?? {};
  const containers = (c.goods ?? []).map((/** @type {any} */ g) => g.containerNumber).filter(Boolean);
  /** @type {[string, string | Node][]} */
  const facts = [
    ['Bill', s.billNumber ?? '(not issued)'],
    ['Type', s.type ?? ''],
    ['Status', el('span', { 'data-testid': 'bill-status' }, [s.status ?? '?'])],
    ['Holder', s.holder ?? '—'],
    ['To the order of', s.type === 'bill_of_lading' ? (s.orderOf ?? 'bearer (blank endorsed)') : 'straight waybill'],
    ['Shipper → consignee', `${c.shipper ?? '?'} → ${c.consignee ?? '?'}`],
    ['Route', `${c.placeOfReceipt ?? '?'} → ${c.placeOfDelivery ?? '?'}`],
    ['Terms', `${c.incoterm ?? ''} · freight ${c.freight ?? ''} · ${money(c.declaredValue)}`],
    ['Containers', containers.join(', ') || '—'],
  ];
  if (s.pledge) facts.push(['Pledge', `${s.pledge.pledgee} (for ${s.pledge.pledgor}) since ${when(s.pledge.since)}`]);
  if (s.stopped) facts.push(['Stopped', el('strong', { class: 'bad' }, ['goods held by a stop instruction'])]);
  return card('Bill', 'bill', [
    el(
      'dl',
      { class: 'facts' },
      facts.flatMap(([k, v]) => [el('dt', {}, [k]), el('dd', {}, [v])]),
    ),
  ]);
};

/** @param {any} s */
const legsCard = (s) =>
  card('Legs, border crossings and gauge changes', 'legs', [
    table(
      ['Leg', 'Mode', 'Carrier', 'From → to', 'Border crossings', 'Status'],
      s.legs.map((/** @type {any} */ l) => [
        String(l.sequence),
        l.mode,
        l.carrier,
        `${l.from} → ${l.to}`,
        (l.borderCrossings ?? [])
          .map(
            (/** @type {any} */ b) =>
              `${b.station}${b.name ? ` (${b.name})` : ''}${b.gaugeChange ? ' ◆ gauge change' : ''}`,
          )
          .join('; ') || '—',
        l.status.replace('_', ' '),
      ]),
    ),
    s.position
      ? el('p', { 'data-testid': 'position' }, [
          'Goods are at ',
          el('strong', {}, [s.position.location]),
          ` — ${s.position.event.replace('_', ' ')}${s.position.at ? ` on ${when(s.position.at)}` : ''}${s.position.leg ? ` (leg ${s.position.leg})` : ''}`,
        ])
      : '',
    s.instructions.length > 0
      ? table(
          ['Instruction', 'Kind', 'Status', 'Given'],
          s.instructions.map((/** @type {any} */ i) => [String(i.n), i.kind, i.status, when(i.at)]),
        )
      : '',
  ]);

/** @param {any} s */
const titleCard = (s) =>
  card('Chain of title', 'holders', [
    s.holders.length === 0
      ? none('No title act yet (the bill is not issued).')
      : el(
          'ol',
          { class: 'chain' },
          s.holders.map((/** @type {any} */ h) =>
            el('li', { 'data-testid': 'holder', 'data-kind': h.kind }, [
              el('strong', {}, [h.holder]),
              ` — ${h.via}${h.from ? ` by ${h.from}` : ''}, ${when(h.at)}`,
              h.causationId ? el('span', { class: 'muted' }, [' (caused by an event)']) : '',
            ]),
          ),
        ),
  ]);

/** @param {any} s */
const creditCard = (s) =>
  card(
    'Letter of credit',
    'credits',
    s.credits.length === 0
      ? [none(s.content?.creditNumber ? `Credit ${s.content.creditNumber} not seen yet.` : 'No credit.')]
      : s.credits.flatMap((/** @type {any} */ cr) => [
          el('p', { 'data-testid': 'credit', 'data-status': cr.status }, [
            el('strong', {}, [cr.number]),
            ` · ${money(cr.amount)} · ${cr.status} · applicant ${cr.applicant ?? '?'} · beneficiary ${cr.beneficiary ?? '?'} · expiry ${cr.expiry?.date ?? '?'}`,
          ]),
          cr.presentations.length === 0
            ? none('No presentation yet.')
            : table(
                ['Presented', 'Decide by', 'Status', 'Discrepancies', 'Invoice', 'Paid'],
                cr.presentations.map((/** @type {any} */ p) => [
                  when(p.presentedAt),
                  p.decisionDeadline ?? '',
                  p.status,
                  p.discrepancies.map((/** @type {any} */ d) => `${d.code} (${d.article})`).join(', ') || '—',
                  money(p.invoiceAmount),
                  money(p.paidAmount),
                ]),
                cr.presentations.map((/** @type {any} */ p) => ({
                  'data-testid': 'presentation',
                  'data-status': p.status,
                })),
              ),
        ]),
  );

/** @param {any} s */
const customsCard = (s) =>
  card('Customs declarations', 'declarations', [
    s.declarations.length === 0
      ? none('No declaration yet.')
      : table(
          ['Type', 'Office', 'Channel', 'Status', 'Duties', 'Reasons'],
          s.declarations.map((/** @type {any} */ d) => [
            d.type,
            `${d.office}${d.destinationOffice ? ` → ${d.destinationOffice}` : ''}`,
            el('span', { class: `chan chan-${d.channel ?? 'none'}` }, [d.channel ?? '—']),
            d.status.replace('_', ' '),
            d.duties ? `duty ${money(d.duties.duty)} · VAT ${money(d.duties.vat)} · ${d.duties.status}` : '—',
            [
              ...d.riskReasons,
              ...d.steps.filter((/** @type {any} */ x) => x.reason).map((/** @type {any} */ x) => x.reason),
            ].join('; ') || '—',
          ]),
          s.declarations.map((/** @type {any} */ d) => ({ 'data-testid': 'declaration', 'data-status': d.status })),
        ),
  ]);

/** @param {any[]} events */
const eventsCard = (events) => {
  const list = el(
    'ol',
    { class: 'tl', 'data-testid': 'timeline-events' },
    events.map((/** @type {any} */ e) => {
      const d = e.envelope.data ?? {};
      const detail =
        e.type === 'waybill.milestone_recorded'
          ? `leg ${d.leg} ${d.event} at ${d.location}${d.name ? ` (${d.name})` : ''} on ${when(d.at)}`
          : e.type.startsWith('customs.')
            ? `${d.declarationType} @ ${d.office}: ${d.status}`
            : e.type === 'waybill.endorsed' || e.type === 'waybill.transferred'
              ? `${d.from} → ${d.to}`
              : '';
      return el('li', { 'data-testid': 'timeline-event', 'data-type': e.type, 'data-detail': detail }, [
        el('span', { class: 'muted' }, [when(e.time)]),
        el('strong', {}, [e.type]),
        el('span', {}, [detail]),
      ]);
    }),
  );
  return el('details', { class: 'card' }, [el('summary', {}, [`All events (${events.length}, in time order)`]), list]);
};

/**
 * @param {HTMLElement} target
 * @param {any} t the answer of /api/shipments/{id}/timeline
 */
export const renderShipment = (target, t) => {
  const s = t.summary;
  target.replaceChildren(
    el('h2', { id: 'shipment-title', tabindex: '-1' }, [
      `Shipment ${s.billNumber ?? ''} `,
      el('span', { class: 'muted' }, [t.correlationId]),
    ]),
    el('div', { class: 'see' }, [
      el('div', { class: 'see-map card' }, [routeMap(s, t.places ?? {})]),
      el('div', { class: 'see-side' }, [billCard(s), titleCard(s)]),
    ]),
    legsCard(s),
    el('div', { class: 'cards' }, [creditCard(s), customsCard(s)]),
    eventsCard(t.events),
  );
};
