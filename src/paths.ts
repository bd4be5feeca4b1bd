// Where the project's files are, whether the code runs from src/ (tsx) or dist/src/ (compiled).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');
export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-embedded');
