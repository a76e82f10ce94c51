// @ts-check
import { el, forgetToken, get, post, query, setToken, shipmentHref, token, when } from './api.js';
import { renderAttention } from './attention.js';
import { createFind } from './find.js';
import { renderPulse } from './pulse.js';
import { renderShipment } from './shipment.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {unknown} err */
const report = (err) => {
  $('problem').textContent = String(/** @type {Error} */ (err)?.message ?? err);
};
const VIEWS = ['find', 'shipment', 'attention', 'pulse'];
const find = createFind($);

// ---- live events: a single-use ticket opens the stream (the token never goes into a URL) ----------------------

const list = $('events');
/** @type {EventSource | undefined} */
let source;
let lastSeq = 0;
/** @type {{ from: string, minutes: number, topics: Record<string, number[]> } | undefined} */
let pulseData;

/** @param {any} e */
const eventRow = (e) => {
  const li = el(
    'li',
    { 'data-testid': 'event', 'data-type': e.type, 'data-correlation-id': e.correlationId, tabindex: '0' },
    [
      el('span', { class: 'muted' }, [when(e.time)]),
      el('strong', {}, [e.type]),
      el('a', { href: shipmentHref(e.correlationId) }, [`shipment ${e.correlationId.slice(0, 13)}…`]),
    ],
  );
  const select = () => {
    for (const s of list.querySelectorAll('.selected')) s.classList.remove('selected');
    li.classList.add('selected');
    $('envelope').textContent = JSON.stringify(e.envelope, null, 2);
  };
  li.addEventListener('click', select);
  li.addEventListener('keydown', (k) => {
    if (k.key === 'Enter' || k.key === ' ') {
      k.preventDefault();
      select();
    }
  });
  return li;
};

const filterValues = () =>
  /** @type {Record<string, string>} */ (
    Object.fromEntries(
      [...new FormData(/** @type {HTMLFormElement} */ ($('stream-filter'))).entries()].map(([k, v]) => [
        k,
        String(v).trim(),
      ]),
    )
  );

/** Counts a live event into the pulse's current minute. @param {any} e */
const countPulse = (e) => {
  const series = pulseData?.topics[e.topic];
  if (!pulseData || !series) return;
  const minute = Math.floor((Date.parse(pulseData.from) + (pulseData.minutes - 1) * 60_000) / 60_000);
  if (Math.floor(Date.now() / 60_000) !== minute) return; // the next refresh moves the window
  series[series.length - 1] = (series.at(-1) ?? 0) + 1;
  if (!$('view-pulse').hidden) renderPulse($('pulse-chart'), pulseData);
};

const openStream = async (/** @type {boolean} */ reload) => {
  source?.close();
  const filter = filterValues();
  if (reload) {
    const page = await get(`/api/events${query({ ...filter, limit: '50' })}`);
    list.replaceChildren(...page.items.map(eventRow));
    lastSeq = Math.max(0, ...page.items.map((/** @type {any} */ e) => e.seq));
  }
  const { ticket } = await post('/api/stream-tickets');
  const s = new EventSource(
    `/api/events/stream${query({ ...filter, ticket, ...(lastSeq > 0 ? { after: String(lastSeq) } : {}) })}`,
  );
  source = s;
  const state = $('stream-state');
  s.onopen = () => {
    state.textContent = 'live';
    state.classList.add('live');
  };
  s.onerror = () => {
    state.textContent = 'reconnecting';
    state.classList.remove('live');
    // a used ticket cannot reopen the stream: ask for a new one, continuing after the last event received
    s.close();
    if (source === s) setTimeout(() => openStream(false).catch(report), 2000);
  };
  s.addEventListener('event', (m) => {
    const e = JSON.parse(/** @type {MessageEvent} */ (m).data);
    lastSeq = Math.max(lastSeq, e.seq);
    list.prepend(eventRow(e));
    while (list.children.length > 500) list.lastElementChild?.remove();
    countPulse(e);
  });
};

// ---- the views ---------------------------------------------------------------------------------------------------

const refreshSide = async () => {
  const [dead, lag] = await Promise.all([get('/api/dead-letters?limit=50'), get('/api/consumer-lag')]);
  $('dead-letters')
    .querySelector('tbody')
    ?.replaceChildren(
      ...dead.items.map((/** @type {any} */ d) =>
        el('tr', { 'data-testid': 'dead-letter' }, [
          el('td', {}, [d.topic]),
          el('td', {}, [`${d.partition}:${d.offset}`]),
          el('td', {}, [d.key ?? '']),
          el('td', { title: d.value ?? '' }, [d.reason ?? '(no reason header)']),
        ]),
      ),
    );
  $('consumer-lag')
    .querySelector('tbody')
    ?.replaceChildren(
      ...lag.groups.map((/** @type {any} */ g) =>
        el('tr', { 'data-testid': 'lag', 'data-group': g.group }, [
          el('td', {}, [g.groupId]),
          el('td', {}, [g.state]),
          el('td', {}, [String(g.members)]),
          el('td', {}, [String(g.lag)]),
        ]),
      ),
    );
};

const refreshPulse = async () => {
  pulseData = await get('/api/pulse?minutes=30');
  if (pulseData) renderPulse($('pulse-chart'), pulseData);
};

const refreshAttention = async () => {
  const a = await get('/api/attention');
  $('attention-count').textContent = a.items.length > 0 ? String(a.items.length) : '';
  $('attention-note').textContent =
    `Presentations due by ${a.nearDeadlineBy} (two banking days, Monday–Friday), declarations held or under control, stopped bills, open instructions, dead letters, consumer groups more than ${a.lagThreshold} records behind.`;
  renderAttention($('attention-list'), a);
};

/** @param {string} id */
const showShipment = async (id) => {
  const target = $('shipment-body');
  target.replaceChildren(el('p', { class: 'muted' }, ['Loading…']));
  try {
    renderShipment(target, await get(`/api/shipments/${encodeURIComponent(id)}/timeline`));
    $('shipment-title')?.focus();
  } catch (err) {
    target.replaceChildren(el('p', { class: 'error', role: 'alert' }, [String(/** @type {Error} */ (err).message)]));
  }
};

const route = async () => {
  $('problem').textContent = '';
  const [path = '', search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [view = 'find', arg] = path.split('/');
  const name = VIEWS.includes(view) ? view : 'find';
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== name;
  for (const a of document.querySelectorAll('#nav a'))
    if (a.getAttribute('data-view') === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  if (name === 'find') await find.show(new URLSearchParams(search));
  if (name === 'shipment' && arg) await showShipment(decodeURIComponent(arg));
  if (name === 'attention') await refreshAttention();
  if (name === 'pulse') await Promise.all([refreshPulse(), refreshSide()]);
};

const open = async () => {
  try {
    await get('/api/places');
  } catch (err) {
    forgetToken();
    $('login-error').textContent = /** @type {Error} */ (err).message;
    $('login').hidden = false;
    return;
  }
  $('login').hidden = true;
  for (const id of ['main', 'nav', 'sign-out']) $(id).hidden = false;
  window.addEventListener('hashchange', () => route().catch(report));
  await route();
  await openStream(true);
  await refreshAttention();
  if (pulseData === undefined) await refreshPulse();
  setInterval(() => {
    refreshAttention().catch(() => undefined);
    if (!$('view-pulse').hidden) Promise.all([refreshPulse(), refreshSide()]).catch(() => undefined);
  }, 10_000);
};

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken(/** @type {HTMLInputElement} */ ($('token')).value.trim());
  open().catch(report);
});
$('sign-out').addEventListener('click', () => {
  forgetToken();
  location.reload();
});
$('stream-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  openStream(true).catch(report);
});

if (token() === '') $('login').hidden = false;
else open().catch(report);
