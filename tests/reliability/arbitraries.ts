import fc from 'fast-check';

/** The subset of JSON Schema that the zod request schemas render to in the services' OpenAPI documents. */
export type JsonSchema = Readonly<{
  type?: string | readonly string[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  default?: unknown;
}>;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const stringOf = (s: JsonSchema): fc.Arbitrary<string> => {
  if (s.format === 'uuid') return fc.stringMatching(UUID_V7);
  if (s.pattern !== undefined) {
    try {
      const matching = fc.stringMatching(new RegExp(s.pattern));
      const { minLength = 0, maxLength = Number.POSITIVE_INFINITY } = s;
      return matching.filter((v) => v.length >= minLength && v.length <= maxLength);
    } catch {
      // a pattern fast-check cannot generate from: plain strings within the bounds
    }
  }
  const minLength = s.minLength ?? 0;
  return fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(s.maxLength ?? 40, minLength + 40) });
};

const numberOf = (s: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? -1e6 : s.exclusiveMinimum + 1);
  const max = s.maximum ?? (s.exclusiveMaximum === undefined ? 1e6 : s.exclusiveMaximum - 1);
  const lo = Math.max(min, -Number.MAX_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  return integer
    ? fc.oneof(
        fc.integer({ min: lo, max: Math.min(hi, lo + 50) }),
        fc.maxSafeInteger().map((n) => (n % (hi - lo + 1)) + lo),
      )
    : fc.double({ min: lo, max: hi, noNaN: true });
};

/** Values that conform to `s`: the well-formed side of the fuzz, from which the hostile side is made. */
export const fromSchema = (s: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives !== undefined) return fc.oneof(...alternatives.map((a) => fromSchema(a, depth + 1)));
  if (s.allOf !== undefined && s.allOf.length > 0) return fromSchema(s.allOf[0] as JsonSchema, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return stringOf(s);
    case 'integer':
      return numberOf(s, true);
    case 'number':
      return numberOf(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(s.items === undefined ? fc.anything() : fromSchema(s.items, depth + 1), {
        minLength,
        maxLength: Math.min(s.maxItems ?? 3, minLength + (depth > 2 ? 1 : 3)),
      });
    }
    case 'object': {
      const properties = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, fromSchema(v, depth + 1)]));
      return fc.record(shape, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** Every path to a leaf of a JSON value, for the mutations that aim at one field. */
export const leafPaths = (v: unknown, at: readonly (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, [...at, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]));
  return [[...at]];
};

export const setPath = (v: unknown, path: readonly (string | number)[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head] = setPath(copy[head], rest, value);
  return copy;
};
