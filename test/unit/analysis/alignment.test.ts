import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alignCompetencies,
  AlignmentIndex,
  analyseText,
  compileRules,
  competencyKey,
  defaultAlignmentResources,
  DEFAULT_ALIGN_FLOOR,
  DEFAULT_ALIGN_THRESHOLD,
  mergeLexicons,
  parseLexicon,
  prepareAlignmentCorpus,
  type CompetencyInput,
  type CompetencyKind,
} from '../../../src/analysis/alignment/index.js';

const c = (kind: CompetencyKind, name: string, extra: Partial<CompetencyInput> = {}): CompetencyInput => ({
  id: `${kind}:${competencyKey(kind, name)}`,
  kind,
  name,
  ...extra,
});

// The seed documents' competencies (plus a few more names so that IDF has something to count).
const SEED_SKILLS = [
  '分析資訊與數據能力', '研究能力', '風險評估能力', '溝通協調能力', '報告撰寫能力', '創意發展技術', '談判技巧', '資訊科技應用能力', '讀寫能力',
  '獲得同事和利益關係人信任和信心的領導技能', '發展並執行企業永續計畫的專案規劃技能', '計畫背景研究技能', '風險評估和管理技能',
  '在意外事故或職場壓力下有效並積極工作的壓力管理技能', '資訊科技技能', '自我管理技能',
];
const SEED_KNOWLEDGE = [
  '創新商業模式', '組織商業政策及作業流程', '成本計算', '職業安全衛生相關規範', '勞動相關法規', '組織業務經營的相關法規和行為準則',
  '商業機會的風險評估', '組織的業務和結構', '系統使用和例行維護的流程', '組織業務所需相關資源', '商業登記和許可要求', '法律責任的性質',
  '工作場所和公司的緊急程序', '職場的職業健康安全要求', '組織危機管理和災後復原計畫', '相關組織、法令、法規', '意外事故計畫的準則', '壓力管理技能',
  '災後復原計畫',
];
const NOTE_9 = '分析技能可能包括：分析工作場所相關資訊和數據，發展並提交處理複雜構思和概念的報告或簡報，觀察職場任務、人員間互動、與企業策略相關的活動、設備、環境和系統。';
const NOTE_10 = '溝通和協商技能可能包括：清楚表達清晰資訊和概念及在危機時期與各階層的所有人有效溝通。';

function seedCorpus(): CompetencyInput[] {
  return [
    ...SEED_SKILLS.map((n) => c('skill', n)),
    c('skill', '分析技能', { context: NOTE_9 }),
    c('skill', '溝通和協商技能', { context: NOTE_10 }),
    ...SEED_KNOWLEDGE.map((n) => c('knowledge', n)),
  ];
}

/** How x relates to y in the aligned pairs (`narrower`: x is narrower than y), or `none`. */
function relationOf(pairs: ReturnType<typeof alignCompetencies>, kind: CompetencyKind, x: string, y: string): string {
  const idX = `${kind}:${competencyKey(kind, x)}`;
  const idY = `${kind}:${competencyKey(kind, y)}`;
  const [a, b] = [idX, idY].sort();
  const pair = pairs.find((p) => p.a === a && p.b === b);
  if (!pair) return 'none';
  if (a === idX || pair.relation === 'equivalent' || pair.relation === 'related') return pair.relation;
  return pair.relation === 'narrower' ? 'broader' : 'narrower';
}

describe('competencyKey', () => {
  it('folds width, white space and punctuation but keeps every word', () => {
    expect(competencyKey('skill', '溝通協調 能力')).toBe('溝通協調能力');
    expect(competencyKey('skill', '溝通協調能力　')).toBe('溝通協調能力');
    expect(competencyKey('skill', 'Ｃ＋＋程式設計')).toBe('c++程式設計');
    expect(competencyKey('knowledge', '相關組織、法令、法規')).toBe('相關組織法令法規');
    expect(competencyKey('skill', '溝通協調能力')).not.toBe(competencyKey('skill', '溝通協調技能'));
    expect(competencyKey('skill', 'C#')).not.toBe(competencyKey('skill', 'C'));
  });

  it('is idempotent and never empty for a non-empty name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0), (s) => {
        const key = competencyKey('skill', s);
        expect(key.length).toBeGreaterThan(0);
        if (/[\p{L}\p{N}]/u.test(s)) expect(competencyKey('skill', key)).toBe(key);
      }),
    );
  });
});

describe('analyseText', () => {
  const rules = compileRules(defaultAlignmentResources());
  it('strips generic heads and filler words and reads synonyms as their lexicon term', () => {
    expect(analyseText('溝通和協商技能', 'skill', rules).core).toBe('溝通協調');
    expect(analyseText('溝通協調能力', 'skill', rules).core).toBe('溝通協調');
    expect(analyseText('職場的職業健康安全要求', 'knowledge', rules).core).toBe('職場職業安全衛生要求');
    expect(analyseText('管理學概論', 'knowledge', rules).core).toBe('管理學');
    expect(analyseText('機械設計基礎能力', 'skill', rules).core).toBe('機械設計');
    // 基礎 / 基本 / 簡易 X counts as X.
    expect(analyseText('簡易急救相關知識', 'knowledge', rules).core).toBe(analyseText('基本急救知識', 'knowledge', rules).core);
  });
  it('keeps contentful frames of knowledge (原理, 技術): they name a specific kind of knowledge', () => {
    expect(analyseText('管理學原理', 'knowledge', rules).core).toBe('管理學原理');
    expect(analyseText('焊接技術', 'knowledge', rules).core).toBe('焊接技術');
    expect(analyseText('焊接技術', 'skill', rules).core).toBe('焊接');
  });
  it('reads synonyms side by side as one word', () => {
    expect(analyseText('機具設備保養能力', 'skill', rules).core).toBe('設備維護');
    expect(analyseText('分析資訊與數據能力', 'skill', rules).core).toBe('分析資料');
    expect(analyseText('丈量測量放樣', 'skill', rules).core).toBe('量測放樣');
  });
  it('keeps a name that is nothing but a head', () => {
    expect(analyseText('技能', 'skill', rules).core).toBe('技能');
  });
  it('matches Latin lexicon terms as whole words only', () => {
    expect(analyseText('IT 技能', 'skill', rules).core).toBe('資訊科技');
    expect(analyseText('audit 能力', 'skill', rules).core).toBe('audit');
  });
});

describe('alignCompetencies on the seed documents', () => {
  const pairs = alignCompetencies(seedCorpus());

  it('types the relations the seeds call for and keeps 談判技巧 apart from 資訊科技技能', () => {
    // The unit's note says 分析技能 covers analysing information and data; 協商 reads as 協調.
    expect(relationOf(pairs, 'skill', '分析技能', '分析資訊與數據能力')).toBe('equivalent');
    expect(relationOf(pairs, 'skill', '溝通和協商技能', '溝通協調能力')).toBe('equivalent');
    // Applying IT is a specialisation of IT skills; a named recovery plan inside crisis management.
    expect(relationOf(pairs, 'skill', '資訊科技應用能力', '資訊科技技能')).toBe('narrower');
    expect(relationOf(pairs, 'knowledge', '災後復原計畫', '組織危機管理和災後復原計畫')).toBe('broader');
    expect(relationOf(pairs, 'skill', '談判技巧', '資訊科技技能')).toBe('none');
  });

  it('reports each unordered pair once, a < b, same kind, score in [floor, 1]', () => {
    const kinds = new Map(seedCorpus().map((x) => [x.id, x.kind]));
    const seen = new Set<string>();
    for (const p of pairs) {
      expect(p.a < p.b).toBe(true);
      expect(kinds.get(p.a)).toBe(kinds.get(p.b));
      expect(p.score).toBeGreaterThanOrEqual(p.relation === 'equivalent' ? DEFAULT_ALIGN_FLOOR : 0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(seen.has(`${p.a}|${p.b}`)).toBe(false);
      seen.add(`${p.a}|${p.b}`);
      expect(p.evidence.length).toBeGreaterThan(0);
      expect(p.method.length).toBeGreaterThan(0);
    }
  });

  it('explains its scores: lexicon, containment and note evidence', () => {
    const find = (x: string, y: string) =>
      pairs.find((p) => [p.a, p.b].sort().join() === [`skill:${x}`, `skill:${y}`].sort().join()) ??
      pairs.find((p) => [p.a, p.b].sort().join() === [`knowledge:${x}`, `knowledge:${y}`].sort().join());
    const negotiation = find('溝通和協商技能', '溝通協調能力');
    expect(negotiation?.method).toContain('lexicon');
    expect(negotiation?.evidence).toContain('協商→協調');
    const recovery = find('災後復原計畫', '組織危機管理和災後復原計畫');
    expect(recovery?.method).toMatch(/^containment/);
    expect(recovery?.details.containment?.inner).toBe('災後復原計畫');
    expect(recovery?.evidence).toContain('qualifier: 組織危機管理');
    const analysis = find('分析技能', '分析資訊與數據能力');
    expect(analysis?.method).toContain('context');
    expect(analysis?.evidence).toContain('explained by note');
  });
});

describe('scoring', () => {
  const pad = ['專案管理能力', '品質管理能力', '時間管理能力', '財務分析能力', '數據分析技能', '程式設計能力', '設備操作能力', '問題解決能力'].map((n) =>
    c('skill', n),
  );
  const score = (x: CompetencyInput, y: CompetencyInput, extra: CompetencyInput[] = pad): number =>
    prepareAlignmentCorpus([x, y, ...extra.filter((e) => e.id !== x.id && e.id !== y.id)]).pair(x.id, y.id)?.score ?? 0;

  it('gives 1 to the same key and ignores heads but not words', () => {
    expect(score(c('skill', '溝通協調能力'), { id: 'other', kind: 'skill', name: '溝通協調 能力' })).toBe(1);
    expect(score(c('skill', '簡報能力'), c('skill', '簡報技巧'))).toBeGreaterThanOrEqual(0.9);
  });

  const relation = (x: CompetencyInput, y: CompetencyInput, extra: CompetencyInput[] = pad): string =>
    relationOf(alignCompetencies([x, y, ...extra.filter((e) => e.id !== x.id && e.id !== y.id)]), x.kind, x.name, y.name);

  it('makes a name inside a longer one broader, never equivalent', () => {
    // 管理 says too little of 壓力管理 to be its general competency: at most related.
    expect(relation(c('skill', '管理能力'), c('skill', '壓力管理能力'))).toMatch(/^(related|none)$/);
    expect(relation(c('skill', '客戶溝通協調'), c('skill', '溝通協調能力'))).toBe('narrower');
    expect(relation(c('skill', '設備故障排除'), c('skill', '機械設備故障排除與檢修'))).toBe('broader');
  });

  it('keeps one frame with two objects apart: related at most', () => {
    const frame = [c('knowledge', '印刷機操作手冊'), c('knowledge', '網版印刷標準作業流程'), c('knowledge', '塗裝標準作業流程')];
    expect(relation(c('knowledge', '凹版印刷標準作業流程'), c('knowledge', '平版印刷標準作業流程'), frame)).toMatch(/^(related|none)$/);
    expect(relation(c('knowledge', '打包機操作手冊'), c('knowledge', '織布機操作手冊'), frame)).toMatch(/^(related|none)$/);
    expect(relation(c('skill', '人際關係管理'), c('skill', '顧客關係管理'))).toMatch(/^(related|none)$/);
  });

  it('keeps two names apart when each says something the other does not, however little', () => {
    const parts = [c('knowledge', '瓦件損壞與危害因子知識'), c('knowledge', '泥塑物件損壞與危害因子知識')];
    expect(relation(c('knowledge', '木構件損壞與危害因子知識'), c('knowledge', '石構件損壞與危害因子知識'), [...pad, ...parts])).toMatch(/^(related|none)$/);
    // One side only with more words is still a specialisation.
    expect(relation(c('skill', '塗裝設備清潔保養能力'), c('skill', '設備清潔保養能力'))).toBe('narrower');
  });

  it('reads a name in front of another as its modifier unless a frame or a second competency follows', () => {
    // 商品 modifies 採購策略: knowing goods does not make one a buying strategist, nor the reverse.
    expect(relation(c('knowledge', '商品知識'), c('knowledge', '商品採購策略'))).toMatch(/^(related|none)$/);
    expect(relation(c('skill', '故障排除能力'), c('skill', '故障排除與檢修能力'))).toBe('broader');
    // The conjunction joins 蒐集 and 分析, not 客服 and something else: 客服 only qualifies them.
    expect(relation(c('skill', '客戶服務技巧'), c('skill', '客服資料蒐集及分析'))).toMatch(/^(related|none)$/);
    expect(relation(c('skill', '資訊科技應用能力'), c('skill', '資訊科技技能'))).toBe('narrower');
    const frame = ['打包機', '織布機', '冷氣', '堆高機', '裁切機', '壓鑄機', '射出機', '鍋爐'].map((n) => c('knowledge', `${n}操作手冊`));
    expect(relation(c('knowledge', '印刷機械知識'), c('knowledge', '印刷機械操作手冊'), frame)).toBe('broader');
  });

  it('reads names that say the same once synonyms are read as equivalent, unless a substitution is unsure', () => {
    expect(relation(c('skill', '機具設備使用能力'), c('skill', '機器設備操作能力'))).toBe('equivalent');
    // 緊急 is read as 應變 with little confidence: emergency response is one kind of 應變.
    expect(relation(c('skill', '應變能力'), c('skill', '緊急應變能力'))).not.toBe('equivalent');
  });

  it('reads one character in a parenthesis inside a word as an alternative (夾（治）具: 夾具 and 治具)', () => {
    expect(relation(c('knowledge', '夾（治）具知識'), c('knowledge', '夾具與治具概論'))).toBe('equivalent');
  });

  it('reads words names leave unsaid (資料 for information work, 組織 for rules) as saying nothing, but not after a single word', () => {
    expect(relation(c('skill', '蒐集分析能力'), c('skill', '資訊蒐集及分析'))).toBe('equivalent');
    expect(relation(c('skill', '判斷能力'), c('skill', '資料判斷能力'))).not.toBe('equivalent');
    // Whose rules they are goes without saying too.
    expect(relation(c('knowledge', '採購規範'), c('knowledge', '組織採購規範'))).toBe('equivalent');
    expect(relation(c('skill', '安全防護能力'), c('skill', '工作安全防護能力'))).toBe('equivalent');
  });

  it('reads the study of X as knowledge of X', () => {
    expect(relation(c('knowledge', '人因工程'), c('knowledge', '人因工程學'))).toBe('equivalent');
  });

  it('reads a law and the regulations under it as one body of knowledge, but not a method cut after 法', () => {
    expect(relation(c('knowledge', '著作權法'), c('knowledge', '著作權相關法規'))).toBe('equivalent');
    expect(relation(c('knowledge', '個人資料保護法相關知識'), c('knowledge', '個人資料保護相關法規'))).toBe('equivalent');
    expect(relation(c('skill', '著作權法'), c('skill', '著作權相關法規'))).not.toBe('equivalent');
  });

  it('reads 性 that ends a word of two characters as an adjective, but keeps words like 特性 and 性能', () => {
    expect(relation(c('skill', '策略性思考能力'), c('skill', '策略思考'))).toBe('equivalent');
    expect(relation(c('knowledge', '關聯性資料庫設計'), c('knowledge', '關聯資料庫設計'))).toBe('equivalent');
    expect(relation(c('knowledge', '材料特性'), c('knowledge', '材料特'))).not.toBe('equivalent');
    expect(relation(c('skill', '量測系統性能確認'), c('skill', '量測系統能確認'))).not.toBe('equivalent');
  });

  it('reads the same words in another order as equivalent', () => {
    expect(relation(c('skill', '溝通協調能力'), c('skill', '協調溝通能力'))).toBe('equivalent');
    expect(relation(c('skill', '預算編列能力'), c('skill', '編列預算能力'))).toBe('equivalent');
    expect(relation(c('skill', '溝通協調能力'), c('skill', '溝通及協調能力'))).toBe('equivalent');
  });

  it('never makes two names one document lists side by side equivalent', () => {
    const x = c('skill', '溝通協調能力', { documents: ['D1', 'D2'] });
    const y = c('skill', '協調溝通能力', { documents: ['D2'] });
    expect(relation(x, y)).not.toBe('equivalent');
    expect(relation({ ...x, documents: ['D1'] }, y)).toBe('equivalent');
  });

  it('keeps siblings of a contrast set apart however much wording they share', () => {
    const x = c('skill', 'CNC車床操作');
    const y = c('skill', 'CNC銑床操作');
    const pair = prepareAlignmentCorpus([x, y, ...pad]).pair(x.id, y.id);
    expect(pair?.relation ?? 'none').toMatch(/^(related|none)$/);
    expect(pair?.details.contrast).toEqual(['車床≠銑床']);
  });

  it('counts a note as evidence for the term it explains', () => {
    const target = c('skill', '分析資訊與數據能力');
    expect(score(c('skill', '分析技能', { context: NOTE_9 }), target)).toBeGreaterThan(score(c('skill', '分析技能'), target));
  });

  it('never compares different kinds', () => {
    const pairs = alignCompetencies([c('skill', '風險評估能力'), c('knowledge', '風險評估能力'), ...pad]);
    expect(pairs.some((p) => p.a.startsWith('knowledge') !== p.b.startsWith('knowledge'))).toBe(false);
  });

  it('uses a lexicon passed in, merged with the seed lexicon', () => {
    const x = c('attitude', '親和力');
    const y = c('attitude', '友善親切');
    expect(alignCompetencies([x, y]).length).toBe(0);
    const lexicon = mergeLexicons(
      defaultAlignmentResources().lexicon,
      parseLexicon({ entries: [{ canonical: '親和力', synonyms: { 友善親切: 0.9 } }] }),
    );
    const [pair] = alignCompetencies([x, y], { lexicon });
    expect(pair?.score).toBeGreaterThanOrEqual(DEFAULT_ALIGN_THRESHOLD);
    expect(pair?.evidence).toContain('友善親切→親和力');
  });

  it('rejects malformed lexicon data with the entry named', () => {
    expect(() => parseLexicon({ entries: [{ canonical: '協調', synonyms: { 協商: 2 } }] })).toThrow(/協調.*協商/);
  });

  it('rejects duplicate ids', () => {
    expect(() => alignCompetencies([c('skill', '研究能力'), c('skill', '研究能力')])).toThrow(/duplicate/);
  });
});

describe('incremental runs and blocking', () => {
  const words = ['溝通', '協調', '風險', '評估', '資訊', '科技', '管理', '品質', '專案', '規劃', '分析', '數據', '安全', '衛生', '設備', '維護'];
  const heads = ['能力', '技能', '技巧', ''];
  const nameArb = fc
    .tuple(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), fc.constantFrom(...heads))
    .map(([ws, h]) => ws.join('') + h);
  const corpusArb = fc.uniqueArray(nameArb, { minLength: 2, maxLength: 25 }).map((names) => names.map((n) => c('skill', n)));

  it('an incremental run gives exactly the full-run pairs that involve the given ids', () => {
    fc.assert(
      fc.property(corpusArb, fc.integer({ min: 1, max: 5 }), (corpus, k) => {
        const only = new Set(corpus.slice(0, k).map((x) => x.id));
        const full = alignCompetencies(corpus).filter((p) => only.has(p.a) || only.has(p.b));
        const inc = alignCompetencies(corpus, { only });
        expect(inc).toEqual(full);
      }),
      { numRuns: 40 },
    );
  });

  it('names added to a kept index relate to the corpus as a full run relates them (seed corpus, one name at a time)', () => {
    const corpus = seedCorpus();
    for (const added of ['分析技能', '溝通和協商技能', '災後復原計畫']) {
      const item = corpus.find((x) => x.name === added) as CompetencyInput;
      const index = AlignmentIndex.build(corpus.filter((x) => x !== item));
      index.add([item]);
      const only = new Set([item.id]);
      const relations = (pairs: ReturnType<typeof alignCompetencies>) => pairs.map((p) => `${p.a}|${p.b}|${p.relation}`).sort();
      expect(relations(index.align({ only }))).toEqual(relations(alignCompetencies(corpus).filter((p) => only.has(p.a) || only.has(p.b))));
      expect(index.drift).toBeCloseTo(1 / (corpus.length - 1), 10);
    }
  });

  it('forgets removed names and notes new documents that list a name', () => {
    const x = c('skill', '溝通協調能力', { documents: ['D1'] });
    const y = c('skill', '協調溝通能力', { documents: ['D2'] });
    const index = AlignmentIndex.build([x, y, c('skill', '專案管理能力')]);
    expect(index.align().map((p) => p.relation)).toEqual(['equivalent']);
    index.setDocuments(y.id, ['D1', 'D2']);
    expect(index.align().map((p) => p.relation)).not.toContain('equivalent');
    index.remove([x.id]);
    expect(index.has(x.id)).toBe(false);
    expect(index.align()).toEqual([]);
  });

  it('blocking loses no pair above the floor compared with scoring every pair', () => {
    fc.assert(
      fc.property(corpusArb, (corpus) => {
        const prepared = prepareAlignmentCorpus(corpus);
        const brute: string[] = [];
        for (let i = 0; i < corpus.length; i++)
          for (let j = i + 1; j < corpus.length; j++) {
            const p = prepared.pair((corpus[i] as CompetencyInput).id, (corpus[j] as CompetencyInput).id);
            if (p && p.score >= DEFAULT_ALIGN_FLOOR) brute.push(`${p.a}|${p.b}`);
          }
        const blocked = alignCompetencies(corpus).map((p) => `${p.a}|${p.b}`);
        expect(blocked.sort()).toEqual(brute.sort());
      }),
      { numRuns: 40 },
    );
  });
});
