import type { WaybillChanges } from '@railbill/contracts';

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`)
      .join(',')}}`;
  return JSON.stringify(value);
};

const jsonEqual = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

/** Drops undefined-valued keys: state and events hold only JSON values (docs/architecture.md §3 Events). */
export const definedChanges = (changes: WaybillChanges): WaybillChanges =>
  Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as WaybillChanges;

/** Every field the carrier changes is one the holder asked for, with the same value. */
export const withinRequest = (changes: WaybillChanges, requested: WaybillChanges): boolean =>
  Object.entries(definedChanges(changes)).every(([k, v]) => jsonEqual(v, (requested as Record<string, unknown>)[k]));
