import type { IncomingHttpHeaders } from 'node:http';
import type { App } from '@railbill/platform';
import { bearer, type CastMember, type TestParties } from './parties.ts';

export type Answer = Readonly<{
  status: number;
  /** The JSON body (problem+json included), or {} for a body that is not JSON. */
  body: Record<string, unknown> & { code?: string };
  text: string;
  headers: IncomingHttpHeaders;
}>;

/** A request made as a member of the test cast: a JSON body if any, and extra headers. */
export type CastRequest = [
  as: CastMember,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
];

/** Calls an in-process app as a member of the test cast (`app.inject`, no network). */
export const injectAs =
  (app: App, parties: TestParties) =>
  async (...[as, method, url, body, headers = {}]: CastRequest): Promise<Answer> => {
    const res = await app.inject({
      method,
      url,
      headers: {
        ...bearer(parties.token(as)),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const json = res.headers['content-type']?.toString().includes('json') === true;
    return {
      status: res.statusCode,
      body: (json ? JSON.parse(res.body) : {}) as Answer['body'],
      text: res.body,
      headers: res.headers as IncomingHttpHeaders,
    };
  };
