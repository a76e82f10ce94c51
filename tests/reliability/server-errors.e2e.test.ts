import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { type InProcessSystem, SERVICES, type ServiceName, startInProcessSystem } from './system.ts';

// Regression (issue #16, defect 4): errors the HTTP server produces itself, before any route (431 headers too
// large, 414, a malformed request line or URL, bad JSON), answered fastify's or Node's own bodies, not problem+json.
let sys: InProcessSystem;
beforeAll(async () => {
  sys = await startInProcessSystem();
  return sys.stop;
});
/** The port each service listens on (the harness listens; raw bytes need a socket). */
const portOf = (s: ServiceName): number => Number(new URL(sys.urls[s]).port);

type Raw = Readonly<{ status: number; headers: Record<string, string>; body: string }>;

/** Sends raw bytes and reads the answer until the server closes or answers in full. */
const raw = (port: number, request: string | Buffer): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error('no answer within 5 s')), 5000);
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    };
    socket.on('data', (c) => {
      chunks.push(c);
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1];
      if (end >= 0 && length !== undefined && Buffer.byteLength(text.slice(end + 4)) >= Number(length)) {
        socket.destroy();
        done();
      }
    });
    socket.on('end', done);
    socket.on('error', (e) => (chunks.length > 0 ? done() : reject(e)));
    socket.write(request);
  });

const request = (lines: readonly string[], body = '') => `${lines.join('\r\n')}\r\n\r\n${body}`;

const expectProblem = (r: Raw, status: number) => {
  expect(r.status).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  const p = JSON.parse(r.body);
  expect(p).toMatchObject({ status, type: expect.stringMatching(/^urn:railbill:problem:/), code: expect.any(String) });
  expect(p.title).toEqual(expect.any(String));
  expect(p.detail).toEqual(expect.any(String));
};

describe('errors the HTTP server itself produces, on every service', () => {
  it.each(SERVICES)('%s: headers over the limit → 431 problem+json', async (s) => {
    const r = await raw(portOf(s), request(['GET /health HTTP/1.1', 'Host: x', `X-Big: ${'a'.repeat(20_000)}`]));
    expectProblem(r, 431);
  });

  it.each(SERVICES)('%s: a very long URL → 414 problem+json', async (s) => {
    const r = await raw(portOf(s), request([`GET /${'a'.repeat(9000)} HTTP/1.1`, 'Host: x']));
    expectProblem(r, 414);
  });

  it.each(SERVICES)('%s: a malformed request line → 400 problem+json', async (s) => {
    expectProblem(await raw(portOf(s), 'GARBAGE\r\n\r\n'), 400);
  });

  it.each(SERVICES)('%s: a malformed percent-encoding in the URL → 400 problem+json', async (s) => {
    expectProblem(await raw(portOf(s), request(['GET /health/%E0%A4%A HTTP/1.1', 'Host: x'])), 400);
  });

  it.each(SERVICES)('%s: bad JSON and a lying content-length → 400 problem+json', async (s) => {
    const token = sys.parties.token('shipper');
    const auth = `Authorization: Bearer ${token}`;
    const bad = '{"a":';
    const path = s === 'waybill' ? '/waybills' : s === 'letter-of-credit' ? '/credits' : '/declarations';
    expectProblem(
      await raw(
        portOf(s),
        request(
          [`POST ${path} HTTP/1.1`, 'Host: x', auth, 'Content-Type: application/json', `Content-Length: ${bad.length}`],
          bad,
        ),
      ),
      400,
    );
    expectProblem(
      await raw(
        portOf(s),
        request(
          [`POST ${path} HTTP/1.1`, 'Host: x', auth, 'Content-Type: application/json', 'Content-Length: 1, 2'],
          '{}',
        ),
      ),
      400,
    );
  });
});
