// @ts-check
import { el, get, query, shipmentHref, when } from './api.js';

const NEEDS = {
  declaration_held: 'declaration held',
  declaration_under_control: 'under control',
  bill_stopped: 'stopped',
  instruction_open: 'open instruction',
  presentation_open: 'presentation open',
};

/** @param {any} s */
const row = (s) =>
  el('tr', { 'data-testid': 'shipment-row', 'data-waybill-id': s.waybillId }, [
    el('td', {}, [
      el('a', { href: shipmentHref(s.waybillId), 'data-testid': 'shipment-link' }, [
        s.billNumber ?? `(not issued) ${s.waybillId.slice(0, 13)}…`,
      ]),
    ]),
    el('td', {}, [s.status ?? '']),
    el('td', {}, [`${s.from ?? '?'} → ${s.to ?? '?'}`]),
    el('td', {}, [s.position ? `${s.position.location} (${s.position.event.replace('_', ' ')})` : '—']),
    el('td', {}, [s.containers.join(', ')]),
    el('td', {}, [s.creditNumbers.join(', ')]),
    el('td', {}, [
      s.attention.map((/** @type {string} */ a) => NEEDS[/** @type {keyof typeof NEEDS} */ (a)] ?? a).join(', '),
    ]),
    el('td', {}, [when(s.lastEventAt)]),
  ]);

/** The shipment list: the form's filters in the URL hash (shareable), a page at a time. */
export const createFind = (/** @type {(id: string) => HTMLElement} */ $) => {
  const form = /** @type {HTMLFormElement} */ ($('find-form'));
  const rows = $('shipment-rows');
  const more = $('find-more');
  /** @type {string | null} */
  let next = null;
  /** @type {Record<string, string>} */
  let filter = {};

  const load = async (/** @type {boolean} */ append) => {
    const page = await get(
      `/api/shipments${query({ ...filter, limit: '25', ...(append && next ? { cursor: next } : {}) })}`,
    );
    if (append) rows.append(...page.items.map(row));
    else rows.replaceChildren(...page.items.map(row));
    next = page.nextCursor;
    more.hidden = next === null;
    $('find-summary').textContent =
      rows.children.length === 0
        ? 'No shipment matches.'
        : `${rows.children.length} shipment(s)${next ? ', more available' : ''}.`;
  };

  /** @param {URLSearchParams} params */
  const show = async (params) => {
    filter = Object.fromEntries([...params.entries()].filter(([, v]) => v.trim() !== ''));
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input, select')))
      input.value = filter[input.name] ?? '';
    await load(false);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = [...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]);
    location.hash = `#/find${query(Object.fromEntries(values))}`;
  });
  form.addEventListener('reset', () => {
    setTimeout(() => {
      location.hash = '#/find';
    });
  });
  more.addEventListener('click', () => {
    load(true).catch((/** @type {Error} */ err) => {
      $('problem').textContent = err.message;
    });
  });
  return { show };
};
