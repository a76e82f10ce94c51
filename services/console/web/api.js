// @ts-check
/** The operator token, kept for this tab only. */
const KEY = 'railbill.console.token';

export const token = () => sessionStorage.getItem(KEY) ?? '';
/** @param {string} t */
export const setToken = (t) => sessionStorage.setItem(KEY, t);
export const forgetToken = () => sessionStorage.removeItem(KEY);

/**
 * GET a console API path with the bearer token; throws with the problem's detail.
 * @param {string} path
 */
export const get = async (path) => {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token()}` } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(body.detail ?? `HTTP ${res.status}`), { status: res.status });
  return body;
};

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

/** @param {string | undefined | null} iso */
export const when = (iso) => (iso ? iso.replace('T', ' ').slice(0, 16) : '');

/** @param {{ amount: string, currency: string } | undefined | null} m */
export const money = (m) => (m ? `${m.currency} ${m.amount}` : '');
