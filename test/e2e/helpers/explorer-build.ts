// Makes sure dist/explorer holds a build of the current explorer sources before the browser tests
// run: builds it with Vite when it is missing or older than any source file.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../../src/paths.js';

const SOURCE_DIR = path.join(PROJECT_ROOT, 'explorer');
const BUILT_INDEX = path.join(PROJECT_ROOT, 'dist', 'explorer', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the build is missing or a source is newer than it. */
export function explorerBuildIsStale(): boolean {
  if (!fs.existsSync(BUILT_INDEX)) return true;
  return newestMtime(SOURCE_DIR) > fs.statSync(BUILT_INDEX).mtimeMs;
}

/** Builds the explorer (the same build as `npm run build:explorer`, without its type check) when stale. */
export async function ensureExplorerBuilt(): Promise<void> {
  if (!explorerBuildIsStale()) return;
  await build({ configFile: path.join(SOURCE_DIR, 'vite.config.ts'), logLevel: 'warn' });
}
