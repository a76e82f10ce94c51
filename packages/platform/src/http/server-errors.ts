import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type Problem, problem, sendProblem } from './problems.ts';

/** A request line longer than this is refused with 414 before routing (headers as a whole are capped at 16 KiB). */
export const MAX_URL_LENGTH = 8192;

const parserErrors: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers-too-large',
    detail: 'the request headers exceed 16 KiB',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request-timeout', detail: 'the request was not received in time' },
};

/**
 * Node's HTTP parser refused the bytes before any route ran (headers over the limit, a malformed request line,
 * conflicting lengths): the answer is written to the socket as problem+json, then the connection is closed
 * (docs/reliability.md). Replaces fastify's default `clientErrorHandler`, whose body is plain JSON.
 */
export const clientErrorHandler = (error: Error & { code?: string }, socket: Socket): void => {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const known = parserErrors[error.code ?? ''];
  const status = known?.status ?? 400;
  const code = known?.code ?? 'malformed-request';
  const body: Problem = {
    type: `urn:railbill:problem:${code}`,
    title: STATUS_CODES[status] ?? 'Bad Request',
    status,
    detail: known?.detail ?? `the HTTP request could not be parsed (${error.code ?? 'unknown'})`,
    instance: '',
    requestId: randomUUID(),
    code,
  };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
};

/** Errors fastify raises while routing (FST_ERR_BAD_URL: a malformed percent-encoding, …): 400 problem+json. */
export const frameworkErrors = (error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(
    reply,
    problem(request, 400, error.code === 'FST_ERR_BAD_URL' ? 'malformed-url' : 'bad-request', error.message),
  );

/** onRequest: a URL over `MAX_URL_LENGTH` is refused with 414 before authentication. */
export const refuseLongUrls = async (request: FastifyRequest, reply: FastifyReply) => {
  if (request.raw.url !== undefined && request.raw.url.length > MAX_URL_LENGTH) {
    const p = problem(request, 414, 'uri-too-long', `the URL exceeds ${MAX_URL_LENGTH} characters`);
    return sendProblem(reply, { ...p, instance: request.raw.url.slice(0, 200) });
  }
};
