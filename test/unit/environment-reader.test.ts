// config.ts is the only reader of process.env: every setting is typed and validated in one place.
// The import lint (.dependency-cruiser.cjs) cannot see property reads, so this test does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('environment', () => {
  it('is read by src/config.ts alone', () => {
    const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'explorer/src'))];
    const readers = files.filter((file) => /\bprocess\.env\b/.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file));
    expect(files.length).toBeGreaterThan(100);
    expect(readers).toEqual(['src/config.ts']);
  });
});
