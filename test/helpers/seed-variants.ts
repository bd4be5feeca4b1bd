// The seed standard under other codes, for tests that need more than one document like it.
import fs from 'node:fs';
import path from 'node:path';
import { SEED_DIR } from '../../src/paths.js';

/** The seed standard BLM2421-007v4's text with its base code replaced: `baseCode` v4, the same content. */
export function seedStandardAs(baseCode: string): string {
  return fs.readFileSync(path.join(SEED_DIR, 'icap/standard-BLM2421-007v4.txt'), 'utf8').replaceAll('BLM2421-007', baseCode);
}
