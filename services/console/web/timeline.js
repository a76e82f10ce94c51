// @ts-check
import { el, money, when } from './api.js';

/**
 * The route strip: every leg's stations, border crossings marked, gauge changes dashed, passed stations filled.
 * @param {any[]} legs
 */
const routeStrip = (legs) => {
  const strip = el('div', { class: 'route', 'data-testid': 'route-strip' });
  /**
   * @param {any} leg
   * @param {{ code: string, name?: string, gauge?: boolean }} s
   */
  const station = (leg, s) =>
    el(
      'span',
      {
        class: `station${leg.milestones.some((/** @type {any} */ m) => m.location === s.code) ? ' passed' : ''}${s.gauge ? ' gauge' : ''}`,
        'data-testid': 'station',
        title: leg.milestones
          .filter((/** @type {any} */ m) => m.location === s.code)
          .map((/** @type {any} */ m) => `${m.event} ${when(m.at)}`)
          .join('\n'),
      },
      [`${s.code}${s.name ? ` ${s.name}` : ''}${s.gauge ? ' ⇆ gauge change' : ''}`],
    );
  legs.forEach((leg, i) => {
    if (i === 0) strip.append(station(leg, { code: leg.from }));
    strip.append(el('span', { class: 'mode' }, [`${leg.mode} · leg ${leg.sequence} · ${leg.status}`]));
    const stops = [
      ...(leg.borderCrossings ?? []).map((/** @type {any} */ b) => ({
        code: b.station,
        name: b.name,
        gauge: b.gaugeChange,
      })),
      { code: leg.to },
    ];
    for (const s of stops)
      strip.append(el('span', { class: `link${leg.mode === 'sea' ? ' sea' : ''}` }), station(leg, s));
  });
  return strip;
};

/**
 * @param {string} title
 * @param {string} testid
 * @param {(Node | string)[]} children
 */
const card = (title, testid, children) =>
  el('div', { class: 'card', 'data-testid': testid }, [el('h3', {}, [title]), ...children]);

/**
 * @param {HTMLElement} target
 * @param {any} t the answer of /api/shipments/{id}/timeline
 */
export const renderTimeline = (target, t) => {
  const s = t.summary;
  const c = s.content ?? {};
  const bill = card('Bill', 'bill', [
    el('div', {}, [
      el('strong', {}, [s.billNumber ?? '(not issued)']),
      ` · ${s.type ?? ''} · `,
      el('span', { 'data-testid': 'bill-status' }, [s.status ?? '?']),
    ]),
    el('div', { class: 'muted' }, [
      `${c.placeOfReceipt ?? '?'} → ${c.placeOfDelivery ?? '?'} · ${c.incoterm ?? ''} · ${money(c.declaredValue)}`,
    ]),
    el('div', {}, [`holder: ${s.holder ?? '—'}`]),
  ]);
  const holders = card('Holder chain', 'holders', [
    el(
      'ol',
      {},
      s.holders.map((/** @type {any} */ h) =>
        el('li', { 'data-testid': 'holder' }, [`${h.holder} — ${h.via} ${when(h.at)}`]),
      ),
    ),
    // the holder's instructions the carrier has not answered yet (docs/title.md)
    ...(s.instructions ?? [])
      .filter((/** @type {any} */ i) => i.status === 'requested')
      .map((/** @type {any} */ i) =>
        el('div', { 'data-testid': 'open-instruction' }, [
          `open instruction ${i.n}: ${i.kind}${i.placeOfDelivery ? ` → ${i.placeOfDelivery}` : ''} by ${i.givenBy}`,
        ]),
      ),
    ...(s.stopped ? [el('div', { 'data-testid': 'stopped' }, ['goods stopped on the holder’s instruction'])] : []),
  ]);
  const customs = card(
    'Customs',
    'declarations',
    s.declarations.map((/** @type {any} */ d) =>
      el('div', { 'data-testid': 'declaration', 'data-status': d.status }, [
        el('strong', {}, [`${d.type} @ ${d.office}${d.destinationOffice ? ` → ${d.destinationOffice}` : ''}`]),
        ' ',
        el('span', { class: `chan-${d.channel}` }, [d.channel ?? 'no channel']),
        ` · ${d.status}`,
        d.duties ? el('div', { class: 'muted' }, [`duty ${money(d.duties.duty)} · VAT ${money(d.duties.vat)}`]) : '',
      ]),
    ),
  );
  const credits = card(
    'Credit',
    'credits',
    s.credits.map((/** @type {any} */ cr) =>
      el('div', { 'data-testid': 'credit', 'data-status': cr.status }, [
        el('strong', {}, [cr.number]),
        ` · ${money(cr.amount)} · ${cr.status}`,
        el(
          'ul',
          {},
          cr.presentations.map((/** @type {any} */ p) =>
            el('li', { 'data-testid': 'presentation', 'data-status': p.status }, [
              `presentation ${when(p.presentedAt)} · ${p.status}`,
              p.discrepancies.length > 0
                ? ` · ${p.discrepancies.map((/** @type {any} */ x) => x.code).join(', ')}`
                : '',
              p.paidAmount ? ` · paid ${money(p.paidAmount)}` : '',
            ]),
          ),
        ),
      ]),
    ),
  );
  const events = el(
    'ol',
    { class: 'tl', 'data-testid': 'timeline-events' },
    t.events.map((/** @type {any} */ e) => {
      const d = e.envelope.data ?? {};
      const detail =
        e.type === 'waybill.milestone_recorded'
          ? `leg ${d.leg} ${d.event} at ${d.location}${d.name ? ` (${d.name})` : ''} on ${when(d.at)}`
          : e.type.startsWith('customs.')
            ? `${d.declarationType} @ ${d.office}: ${d.status}`
            : e.type === 'waybill.endorsed'
              ? `${d.from} → ${d.to}`
              : '';
      return el('li', { 'data-testid': 'timeline-event', 'data-type': e.type, 'data-detail': detail }, [
        el('span', { class: 'muted' }, [when(e.time)]),
        el('strong', {}, [e.type]),
        el('span', {}, [detail]),
      ]);
    }),
  );
  target.replaceChildren(
    routeStrip(s.legs),
    el('div', { class: 'cards' }, [bill, holders, customs, credits]),
    el('h3', {}, [`Events (${t.events.length}, in time order)`]),
    events,
  );
};
