import canonicalize from 'canonicalize';

/** RFC 8785 (JCS) serialisation; state and events hold only JSON values, so anything else is a bug. */
export const jcs = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON serialisation');
  return text;
};
