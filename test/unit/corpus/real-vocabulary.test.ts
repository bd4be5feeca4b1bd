import { describe, expect, it } from 'vitest';
import { vocabularyFromNames, type RealName } from '../../../src/corpus/real-vocabulary.js';

// Twelve names in the frame 操作手冊 and eight in 標準作業流程 (both frames: at least 8 names end so).
const MACHINES = ['打包機', '織布機', '印刷機', '裁切機', '貼合機', '射出機', '沖床', '車床', '銑床', '磨床', '鑽床', '鋸床'];
const PROCESSES = ['凹版印刷', '平版印刷', '網版印刷', '塗裝', '裝訂', '燙金', '模切', '上光'];
const REAL: RealName[] = [
  { kind: 'skill', name: '溝通協調能力', documents: 40 },
  { kind: 'skill', name: '簡報技巧', documents: 5 },
  { kind: 'knowledge', name: '珠寶創作相關知識【註3】', documents: 1 },
  ...MACHINES.map((m) => ({ kind: 'knowledge' as const, name: `${m}操作手冊`, documents: 1 })),
  ...PROCESSES.map((p) => ({ kind: 'knowledge' as const, name: `${p}標準作業流程`, documents: 2 })),
];

describe('vocabularyFromNames', () => {
  const vocabulary = vocabularyFromNames(REAL, { seed: 7, recombined: 2 });
  const names = new Set(vocabulary.competencies.map((c) => c.canonical));

  it('keeps every real name, without the note markers of the document that wrote it', () => {
    for (const n of REAL.filter((r) => !r.name.includes('【'))) expect(names.has(n.name)).toBe(true);
    expect(names.has('珠寶創作相關知識')).toBe(true);
    expect([...names].some((n) => n.includes('【'))).toBe(false);
  });

  it('draws widely required names from the general pool, most required first', () => {
    expect(vocabulary.skills.general.items.map((c) => c.canonical)).toEqual(['溝通協調能力', '簡報技巧']);
    expect(vocabulary.knowledge.general.items).toEqual([]);
  });

  it('makes new names from the object of one real name and the frame of another', () => {
    const made = vocabulary.competencies.filter((c) => c.kind === 'knowledge' && !REAL.some((r) => r.name.startsWith(c.canonical)));
    expect(made.length).toBeGreaterThan(0);
    const objects = [...MACHINES, ...PROCESSES];
    for (const c of made) {
      const frame = ['操作手冊', '標準作業流程'].find((f) => c.canonical.endsWith(f));
      expect(frame).toBeDefined();
      expect(objects).toContain(c.canonical.slice(0, c.canonical.length - frame!.length));
    }
  });

  it('puts every name in exactly one pool, so each can be drawn', () => {
    const pooled = [...Object.values(vocabulary.knowledge), ...Object.values(vocabulary.skills)].flatMap((pool) => pool.items.map((c) => c.id));
    expect(pooled.sort()).toEqual(vocabulary.competencies.map((c) => c.id).sort());
  });
});
