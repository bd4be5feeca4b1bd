// Decoder combinators every module's row decoders are built from.

/** A decoder for a value that may be missing. */
export const nullable =
  <T>(decode: (raw: unknown) => T) =>
  (raw: unknown): T | null =>
    raw === null || raw === undefined ? null : decode(raw);

/** A decoder for a list. */
export const listOf =
  <T>(decode: (raw: unknown) => T) =>
  (raw: unknown): T[] =>
    Array.isArray(raw) ? raw.map(decode) : [];
