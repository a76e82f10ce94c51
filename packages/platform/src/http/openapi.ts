/**
 * What every service's OpenAPI document declares beyond its routes' schemas (docs/contract.md §8): an
 * `operationId`, a description and a declared tag for every operation, and a `servers` entry. Routes may set their
 * own; otherwise they are derived from the method and path, e.g. `POST /credits/{id}/presentations/{p}/pay` →
 * `payCreditPresentation`, `GET /waybills` → `listWaybills`, `POST /waybills/{id}/milestones` →
 * `createWaybillMilestone`.
 */

const isParam = (segment: string) => segment.startsWith(':') || segment.startsWith('{');
const words = (segment: string) => segment.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const singular = (w: string) => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') ? w.slice(0, -1) : w);
const isCollection = (segment: string) => /s$/.test(segment);

/** Path segments that name a record of an act rather than the act: recorded, and kept as a noun. */
const recorded = new Set(['decision', 'payment']);
/** Path segments of reads that are acts (`GET /waybills/{id}/verify` → `verifyWaybill`). */
const readActs = new Set(['verify']);
/** A prefix that says nothing about the resource (`/api/events` → `listEvents`). */
const prefixes = new Set(['api']);

/** A readable, unique-per-route operation id from the method and the path. */
export const operationIdOf = (method: string, url: string): string => {
  const segments = url.split('/').filter((s, i) => s.length > 0 && !(i === 1 && prefixes.has(s)));
  const last = segments.at(-1);
  const statics = segments.map((s, i) => ({ s, i })).filter(({ s }) => !isParam(s));
  const followedByParam = (i: number) => i + 1 < segments.length && isParam(segments[i + 1] ?? '');
  let verb: string;
  let nouns = statics;
  const m = method.toUpperCase();
  if (last === undefined) verb = m.toLowerCase();
  else if (isParam(last))
    verb = { GET: 'get', DELETE: 'delete', PUT: 'replace', PATCH: 'update' }[m] ?? m.toLowerCase();
  else if (m === 'POST' && segments.length > 1 && recorded.has(last)) verb = 'record';
  else if ((m === 'POST' && segments.length > 1 && !isCollection(last)) || (m === 'GET' && readActs.has(last))) {
    verb = words(last).join('-');
    nouns = statics.slice(0, -1);
  } else if (m === 'POST') verb = 'create';
  else if (m === 'GET') verb = isCollection(last) && !last.includes('.') ? 'list' : 'get';
  else verb = m.toLowerCase();
  const noun = nouns
    .map(({ s, i }) => {
      const ws = words(s);
      const collectionCreated = verb === 'create' && i === segments.length - 1;
      if (followedByParam(i) || collectionCreated) ws[ws.length - 1] = singular(ws.at(-1) ?? '');
      return ws.map(capital).join('');
    })
    .join('');
  const [first = '', ...rest] = words(verb.replaceAll('-', ' '));
  return `${first.toLowerCase()}${rest.map(capital).join('')}${noun}`;
};

/** The tag of a route: the first static segment of its path (`waybills`, `credits`, `declarations`, `events`…). */
export const tagOf = (url: string): string =>
  url
    .split('/')
    .filter((s) => s.length > 0 && !isParam(s) && !prefixes.has(s))[0]
    ?.replace(/^\./, '') ?? 'service';

const problemShape = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'instance', 'requestId', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    code: { type: 'string' },
  },
};
const unauthenticated = { description: 'No valid bearer token (RFC 9457 problem+json)', ...problemShape };
const anyRefusal = { description: 'The request was refused (RFC 9457 problem+json)', ...problemShape };

type OperationSchema = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  hide?: boolean;
} & Record<string, unknown>;

/** Completes one operation's schema: `operationId`, `description` and `tags` where the route gave none. */
export const completeOperation = (
  schema: OperationSchema,
  method: string,
  url: string,
  isPublic: boolean,
): OperationSchema => {
  const access = isPublic
    ? 'Public: no token needed.'
    : 'Needs `Authorization: Bearer <token>`; refusals are RFC 9457 `application/problem+json`.';
  const summary = schema.summary ?? `${method} ${url}`;
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const refusals = Object.keys(response).some((status) => status.startsWith('4'));
  const successes = Object.keys(response).some((status) => status.startsWith('2'));
  return {
    ...schema,
    // every operation documents its success and how it refuses: 401 without a valid token; public ones any 4XX
    response: {
      ...(successes ? {} : { 200: { description: 'Success' } }),
      ...response,
      ...(refusals ? {} : { [isPublic ? '4XX' : '401']: isPublic ? anyRefusal : unauthenticated }),
    },
    summary,
    operationId: schema.operationId ?? operationIdOf(method, url),
    description: schema.description ?? `${summary.endsWith('.') ? summary : `${summary}.`} ${access}`,
    tags: schema.tags ?? [tagOf(url)],
  };
};

const tagDescriptions: Record<string, string> = {
  waybills: 'Rail waybills and railway bills of lading: issue, endorsement, milestones, surrender, history.',
  credits: 'Documentary letters of credit (UCP 600): issue, advice, amendments, presentations and payment.',
  declarations: 'Customs declarations (export, transit, import): lodgement, risk channel, decisions, release.',
  keys: "Carriers' public signing keys.",
  'well-known': "Carriers' public signing keys (RFC 7517).",
  events: 'The events of the three topics as the console received them.',
  shipments: "A shipment's timeline across its documents.",
  'dead-letters': 'Records of the dead-letter topics with their reasons.',
  'consumer-lag': "Each consumer group's committed offsets against the topics' ends.",
};

/** The top-level `tags` declaring every tag the operations use, each with a description. */
export const declaredTags = (used: Iterable<string>): { name: string; description: string }[] =>
  [...new Set(used)].sort().map((name) => ({ name, description: tagDescriptions[name] ?? `Operations on ${name}.` }));
