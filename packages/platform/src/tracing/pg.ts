import type pg from 'pg';
import { context, endSpan, SpanKind, trace, tracer } from './context.ts';
import { spansExported } from './setup.ts';

const traced = Symbol('railbill.traced');

const statementOf = (first: unknown): string => {
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? text : '';
};

/**
 * A client span per query of a client of the pool (`pg.query`, with `db.query.text`), as a child of the active span.
 * Queries with no active span (the relay's idle polls, LISTEN) start no trace of their own, and none is made when
 * spans do not leave the process (no exporter): they were CPU spent on every statement for nothing (bench/README.md).
 */
const traceClient = (client: pg.PoolClient): void => {
  const marked = client as pg.PoolClient & { [traced]?: true };
  if (marked[traced] === true) return;
  marked[traced] = true;
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (!spansExported() || trace.getActiveSpan() === undefined) return original(...args);
    const statement = statementOf(args[0]);
    const span = tracer().startSpan(`pg ${statement.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? 'query'}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.query.text': statement.slice(0, 2000) },
    });
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: unknown, ...rest: unknown[]) => void;
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        endSpan(span, error ?? undefined);
        callback(error, ...rest);
      };
      return context.with(trace.setSpan(context.active(), span), () => original(...args));
    }
    const result = context.with(trace.setSpan(context.active(), span), () => original(...args));
    if (result !== null && typeof (result as Promise<unknown>)?.then === 'function')
      (result as Promise<unknown>).then(
        () => endSpan(span),
        (error: unknown) => endSpan(span, error),
      );
    else endSpan(span);
    return result;
  };
};

/** Traces every client the pool connects (drizzle's queries and transactions run on them). */
export const tracePool = (pool: pg.Pool): void => {
  pool.on('connect', traceClient);
};
