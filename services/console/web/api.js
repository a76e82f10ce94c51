// @ts-check
/** The operator token, kept for this tab only (never in a URL). */
const KEY = 'railbill.console.token';

export const token = () => sessionStorage.getItem(KEY) ?? '';
/** @param {string} t */
export const setToken = (t) => sessionStorage.setItem(KEY, t);
export const forgetToken = () => sessionStorage.removeItem(KEY);

/** @param {Response} res */
const answer = async (res) => {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.detail ?? `HTTP ${res.status}`), { status: res.status });
  return body;
};

/**
 * GET a console API path with the bearer token; throws with the problem's detail.
 * @param {string} path
 */
export const get = async (path) => answer(await fetch(path, { headers: { authorization: `Bearer ${token()}` } }));

/**
 * POST an empty JSON body with the bearer token.
 * @param {string} path
 */
export const post = async (path) =>
  answer(
    await fetch(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
      body: '{}',
    }),
  );

/**
 * @param {Record<string, string>} params
 * @returns {string}
 */
export const query = (params) => {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
};

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElement}
 */
export const el = (tag, attrs = {}, children = []) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
};

const SVG = 'http://www.w3.org/2000/svg';
/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {(Node | string)[]} [children]
 * @returns {SVGElement}
 */
export const svg = (tag, attrs = {}, children = []) => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
};

/** @param {string | undefined | null} iso */
export const when = (iso) => (iso ? iso.replace('T', ' ').slice(0, 16) : '');

/** @param {{ amount: string, currency: string } | undefined | null} m */
export const money = (m) => (m ? `${m.currency} ${m.amount}` : '');

/** @param {string} id */
export const shipmentHref = (id) => `#/shipment/${encodeURIComponent(id)}`;
