// @ts-check
import { el, forgetToken, get, query, setToken, token, when } from './api.js';
import { renderTimeline } from './timeline.js';

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const list = $('events');
const envelope = $('envelope');
/** @param {unknown} err */
const report = (err) => {
  $('problem').textContent = String(/** @type {Error} */ (err)?.message ?? err);
};
/** @type {EventSource | undefined} */
let source;

/** @param {any} e */
const eventRow = (e) => {
  const li = el('li', { 'data-testid': 'event', 'data-type': e.type, 'data-correlation-id': e.correlationId }, [
    el('span', { class: 'muted' }, [when(e.time)]),
    el('strong', {}, [e.type]),
    el('span', { class: 'muted' }, [`doc ${e.subject.slice(0, 13)}… · shipment ${e.correlationId.slice(0, 13)}…`]),
  ]);
  li.addEventListener('click', () => {
    for (const s of list.querySelectorAll('.selected')) s.classList.remove('selected');
    li.classList.add('selected');
    envelope.textContent = JSON.stringify(e.envelope, null, 2);
    /** @type {HTMLInputElement} */ ($('shipment-id')).value = e.correlationId;
  });
  return li;
};

const filterValues = () => {
  const form = /** @type {HTMLFormElement} */ ($('stream-filter'));
  return /** @type {Record<string, string>} */ (
    Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]))
  );
};

/** Recent events first, then the live stream with the same filter (the token in the URL: EventSource sends no headers). */
const startStream = async () => {
  source?.close();
  const filter = filterValues();
  const page = await get(`/api/events${query({ ...filter, limit: '50' })}`);
  list.replaceChildren(...page.items.map(eventRow));
  source = new EventSource(`/api/events/stream${query({ ...filter, token: token() })}`);
  const state = $('stream-state');
  source.onopen = () => {
    state.textContent = 'live';
    state.classList.add('live');
  };
  source.onerror = () => {
    state.textContent = 'reconnecting';
    state.classList.remove('live');
  };
  source.addEventListener('event', (m) => {
    list.prepend(eventRow(JSON.parse(/** @type {MessageEvent} */ (m).data)));
    while (list.children.length > 500) list.lastElementChild?.remove();
  });
};

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

const showShipment = async () => {
  const id = /** @type {HTMLInputElement} */ ($('shipment-id')).value.trim();
  if (id === '') return;
  const target = $('timeline');
  try {
    renderTimeline(target, await get(`/api/shipments/${encodeURIComponent(id)}/timeline`));
  } catch (err) {
    target.replaceChildren(el('p', { class: 'error' }, [String(/** @type {Error} */ (err).message)]));
  }
};

const open = async () => {
  try {
    await get('/api/consumer-lag');
  } catch (err) {
    forgetToken();
    $('login-error').textContent = /** @type {Error} */ (err).message;
    $('login').hidden = false;
    return;
  }
  $('login').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  await startStream();
  await refreshSide();
  setInterval(() => refreshSide().catch(() => undefined), 5000);
};

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  setToken(/** @type {HTMLInputElement} */ ($('token')).value.trim());
  open().catch((err) => report(err));
});
$('sign-out').addEventListener('click', () => {
  forgetToken();
  location.reload();
});
$('stream-filter').addEventListener('submit', (e) => {
  e.preventDefault();
  startStream().catch((err) => report(err));
});
$('shipment-form').addEventListener('submit', (e) => {
  e.preventDefault();
  showShipment().catch((err) => report(err));
});

if (token() === '') $('login').hidden = false;
else open().catch((err) => report(err));
