// How GraphML and CSV spread properties over columns: a few well-known ones each in its own column,
// the rest as one JSON text.

/** A property as one text value: lists joined with `; `, anything else as JSON. */
export function flat(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export const NODE_COLUMNS = ['code', 'name', 'text', 'level'] as const;
export const EDGE_COLUMNS = ['code', 'order', 'label', 'score'] as const;

export function rest(properties: Record<string, unknown>, shown: readonly string[]): string {
  const others = Object.fromEntries(Object.entries(properties).filter(([key]) => !shown.includes(key)));
  return Object.keys(others).length > 0 ? JSON.stringify(others) : '';
}
