// An earlier release's code, taken from git so that a benchmark can run it beside the current code
// exactly as it shipped (its own sources and its own seed data).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/paths.js';

/** The release before typed competency relations and the import pipeline (one similarity score per pair). */
export const DEFAULT_RELEASE = 'd296d24';

/** Loads a module (`ingest/import-documents.ts`) of the release `ref`, extracting it on first use. */
export async function releaseModule<T = Record<string, unknown>>(ref: string, file: string): Promise<T> {
  const dir = path.join(PROJECT_ROOT, 'bench', '.scratch', `release-${ref}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', ref, 'src', 'seed'], { cwd: PROJECT_ROOT }) });
    // Its own package.json makes its paths.ts find its own seed data.
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  }
  return (await import(pathToFileURL(path.join(dir, 'src', file)).href)) as T;
}
