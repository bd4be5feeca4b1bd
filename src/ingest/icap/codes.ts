// Normalisation of codes (document codes, taxonomy codes, local item codes).
// Codes are identifiers, not prose: they are compared after NFKC (full-width letters, digits and
// hyphens become ASCII), with every space removed and letters upper-cased. The one exception is the
// `v` that introduces a document's version, which iCAP always writes in lower case (`BLM2421-007v4`).

export function normaliseCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A document code split into its base code and version: `BLM2421-007v4` -> `BLM2421-007`, 4. */
export interface VersionedCode {
  code: string;
  baseCode: string;
  version: number;
}

/**
 * Normalises a versioned document code and splits it; undefined when there is no `v<N>` suffix or
 * the base code does not have the shape `shape` expects.
 */
export function parseVersionedCode(raw: string, shape: RegExp): VersionedCode | undefined {
  const match = /^(.+?)V(\d{1,3})$/.exec(normaliseCode(raw));
  if (!match) return undefined;
  const baseCode = match[1]!;
  if (!shape.test(baseCode)) return undefined;
  const version = Number(match[2]);
  return { code: `${baseCode}v${version}`, baseCode, version };
}

/** 職能基準 base code: 職類別 letters + 職業別 digits + `-` + serial (`BLM2421-007`). */
export const STANDARD_BASE_CODE = /^[A-Z]{3}[0-9A-Z]{1,6}-\d{2,4}$/;
/** 職能單元 base code: 領域 letters + level, flag and serial (`BGM5R0167`); treated as opaque after the prefix. */
export const UNIT_BASE_CODE = /^[A-Z]{3}[0-9A-Z]{2,10}$/;

/**
 * When a code is followed directly by text that starts with a digit (`P1.1.13個月內…`), the digit run
 * is ambiguous. Items are numbered in sequence, so prefer the number the sequence expects next.
 */
export function takeExpectedNumber(run: string, expected: number): string {
  const wanted = String(expected);
  return run.length > wanted.length && run.startsWith(wanted) ? wanted : run;
}
