// A generated 職能基準 (occupational competency standard): first its content, as the ParsedStandard a
// correct parser must read back, then its text in the tab-separated format of the published copies,
// with page breaks that repeat the table header and continue a cut row on the next page.

import type { Attitude, CodedName, ParsedStandard, Responsibility, StandardTask, StandardVersion } from '../ingest/document.js';
import type { StandardIdentity } from './code-allocator.js';
import { classificationField } from './classification-field.js';
import { pickCompetencyNames } from './competency-picker.js';
import { ATTITUDES, GLOSSARY, LEXICON, OTHER_NOTES, REQUIREMENTS, RESPONSIBILITY_SUFFIXES, RESPONSIBILITY_VERBS } from './lexicon.js';
import { midTextOffsets } from './page-cuts.js';
import { description, indicatorSegments, objectPool, outputName, segmentText, taskName } from './phrases.js';
import { ZipfSampler, type Random } from './random.js';
import { corpusVocabulary, type Vocabulary } from './vocabulary.js';

/** What a page layout did to a document. */
export interface LayoutStats {
  /** Page breaks inside the main table (standards) or the key/value table (units). */
  pageBreaks: number;
  /** Page breaks that cut a row or value in two. */
  cutRows: number;
}

export interface GeneratedStandard {
  expected: ParsedStandard;
  text: string;
  layout: LayoutStats;
}

const STANDARD_LEVELS: readonly (readonly [number, number])[] = [[1, 2], [2, 8], [3, 30], [4, 40], [5, 17], [6, 3]];
const OUTPUT_COUNTS: readonly (readonly [number, number])[] = [[0, 35], [1, 45], [2, 15], [3, 5]];
const attitudeSampler = new ZipfSampler(ATTITUDES, 0.8);

const ROLE_CHANGES: readonly (readonly [string, string])[] = [
  ['主管', '人員'],
  ['經理', '主管'],
  ['工程師', '技術員'],
  ['專員', '人員'],
  ['管理師', '管理人員'],
];

/** The name an older version of the standard had (often a different role word). */
function olderName(name: string): string {
  for (const [from, to] of ROLE_CHANGES) if (name.endsWith(from)) return name.slice(0, -from.length) + to;
  return name;
}

function taskLevel(random: Random, level: number): number {
  const delta = random.weighted([[0, 60], [-1, 28], [1, 12]] as const);
  return Math.min(6, Math.max(1, level + delta));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function versionTable(random: Random, identity: StandardIdentity, name: string): StandardVersion[] {
  const renamedBefore = identity.version > 1 && random.chance(0.4) ? random.int(2, identity.version) : 0;
  let year = random.int(2016, 2025);
  const versions: StandardVersion[] = [];
  for (let v = identity.version; v >= 1; v -= 1) {
    const date = `${year}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}`;
    versions.push({
      version: v,
      code: `${identity.baseCode}v${v}`,
      name: v < renamedBefore ? olderName(name) : name,
      status: v === identity.version ? 'CURRENT' : 'HISTORICAL',
      note: v === identity.version ? random.pick(['略', '略', '略', '修訂工作任務與行為指標', '更新職能內涵']) : `已被《${identity.baseCode}v${v + 1}》取代`,
      date,
    });
    year -= random.int(1, 4);
  }
  return versions;
}

/**
 * Which tasks refer to which of `count` items: every item is referred to at least once and every task
 * refers to at least one item. Items are then numbered in order of first reference, as published
 * tables number them, and each task lists its codes in increasing order.
 */
function assignReferences(random: Random, taskCount: number, count: number, maxExtra: number): number[][] {
  const refs: Set<number>[] = Array.from({ length: taskCount }, () => new Set<number>());
  for (const item of random.shuffle(Array.from({ length: count }, (_, i) => i))) refs[random.int(0, taskCount - 1)]!.add(item);
  for (const set of refs) {
    if (set.size === 0) set.add(random.int(0, count - 1));
    for (let extra = random.int(0, maxExtra); extra > 0; extra -= 1) set.add(random.int(0, count - 1));
  }
  const number = new Map<number, number>();
  for (const set of refs) {
    for (const item of random.shuffle([...set])) if (!number.has(item)) number.set(item, number.size + 1);
  }
  return refs.map((set) => [...set].map((item) => number.get(item)!).sort((a, b) => a - b));
}

/** The content of a standard, as a parser must read it back. */
export function planStandard(identity: StandardIdentity, random: Random, vocabulary: Vocabulary = corpusVocabulary()): ParsedStandard {
  const domains = identity.category.domains;
  const objects = objectPool(vocabulary, domains);
  const level = random.weighted(STANDARD_LEVELS);
  const titles = domains.flatMap((d) => LEXICON[d].titles);
  const title = random.pick(titles.length > 0 ? titles : LEXICON.management.titles);
  const name = random.chance(0.1) ? `${random.pick(['資深', '初階'])}${title}` : title;

  const knowledgeNames = pickCompetencyNames(vocabulary, random, { kind: 'knowledge', count: random.int(5, 20), domains });
  const skillNames = pickCompetencyNames(vocabulary, random, { kind: 'skill', count: random.int(5, 12), domains });

  const responsibilityCount = random.int(3, 6);
  const taskCounts = Array.from({ length: responsibilityCount }, () => random.int(1, 4));
  const taskTotal = taskCounts.reduce((a, b) => a + b, 0);
  const knowledgeRefs = assignReferences(random, taskTotal, knowledgeNames.length, 3);
  const skillRefs = assignReferences(random, taskTotal, skillNames.length, 3);

  const usedNames = new Set<string>();
  const unique = (make: () => string): string => {
    let text = make();
    for (let i = 0; i < 20 && usedNames.has(text); i += 1) text = make();
    usedNames.add(text);
    return text;
  };

  let taskIndex = 0;
  const responsibilities: Responsibility[] = taskCounts.map((count, r): Responsibility => {
    const focus = random.pick(objects);
    const code = `T${r + 1}`;
    const tasks = Array.from({ length: count }, (_, t): StandardTask => {
      const object = random.chance(0.5) ? focus : random.pick(objects);
      const prefix = `${r + 1}.${t + 1}`;
      const indicators: string[] = [];
      const indicatorCount = random.int(2, 6);
      for (let i = 0; i < indicatorCount * 4 && indicators.length < indicatorCount; i += 1) {
        const text = segmentText(indicatorSegments(random, random.chance(0.6) ? object : random.pick(objects), random.pick(objects)));
        if (!indicators.includes(text)) indicators.push(text);
      }
      const outputs: CodedName[] = [];
      const outputCount = random.weighted(OUTPUT_COUNTS);
      for (let i = 0; i < outputCount * 4 && outputs.length < outputCount; i += 1) {
        const text = outputName(random, random.chance(0.6) ? object : random.pick(objects));
        if (!outputs.some((o) => o.name === text)) outputs.push({ code: `O${prefix}.${outputs.length + 1}`, name: text });
      }
      const k = knowledgeRefs[taskIndex]!;
      const s = skillRefs[taskIndex]!;
      taskIndex += 1;
      return {
        code: `T${prefix}`,
        name: unique(() => taskName(random, random.chance(0.7) ? object : random.pick(objects))),
        level: taskLevel(random, level),
        outputs,
        indicators: indicators.map((text, i) => ({ code: `P${prefix}.${i + 1}`, text, terms: [] })),
        knowledgeCodes: k.map((n) => `K${pad2(n)}`),
        skillCodes: s.map((n) => `S${pad2(n)}`),
      };
    });
    const responsibilityName = (): string =>
      `${random.pick(RESPONSIBILITY_VERBS)}${random.chance(0.8) ? focus.name : random.pick(objects).name}${random.pick(RESPONSIBILITY_SUFFIXES)}`;
    return { code, name: unique(responsibilityName), tasks };
  });

  const attitudes: Attitude[] = [];
  const attitudeCount = random.int(4, 6);
  for (let i = 0; i < 200 && attitudes.length < attitudeCount; i += 1) {
    const [attitudeName, attitudeDescription] = attitudeSampler.draw(random);
    if (!attitudes.some((a) => a.name === attitudeName)) {
      attitudes.push({ code: `A${pad2(attitudes.length + 1)}`, name: attitudeName, description: attitudeDescription });
    }
  }

  const categories = classificationField(
    identity.categories.map((c) => ({ code: c.code, name: c.name, parentName: c.clusterName })),
    random,
  ).refs;
  const occupations = classificationField(identity.occupations, random).refs;
  const industries = classificationField(identity.industries, random).refs;
  const glossary = random.sample(GLOSSARY, random.weighted([[0, 35], [1, 45], [2, 20]] as const));
  return {
    kind: 'STANDARD',
    code: identity.code,
    baseCode: identity.baseCode,
    version: identity.version,
    name,
    nameKind: random.chance(0.8) ? '職業' : '職類',
    versions: versionTable(random, identity, name),
    categories,
    occupations,
    industries,
    description: description(random, objects),
    level,
    responsibilities,
    knowledge: knowledgeNames.map((n, i) => ({ code: `K${pad2(i + 1)}`, name: n })),
    skills: skillNames.map((n, i) => ({ code: `S${pad2(i + 1)}`, name: n })),
    attitudes,
    requirements: random.sample(REQUIREMENTS, random.int(1, 2)),
    glossary: glossary.map(([term, definition]) => ({ term, definition })),
    otherNotes: random.sample(OTHER_NOTES, random.weighted([[0, 70], [1, 30]] as const)),
  };
}

// ---- Text ----------------------------------------------------------------------------------------

/** A cell of the main table with the offsets where a page break may cut it. */
interface TableCell {
  text: string;
  /** Offsets where a page break may cut the cell, in increasing order (computed when needed). */
  cuts: () => number[];
  /** Whether the whole cell may move to the next page (list cells; never the task's code). */
  movable: boolean;
}

/** Characters per line of each column, to measure row heights. */
const COLUMN_WIDTHS = [6, 6, 7, 22, 2, 11, 11] as const;
const HEADER_LINES = 2;

const NO_CUTS = (): number[] => [];

function nameCell(code: string, name: string): TableCell {
  const text = code + name;
  return { text, cuts: () => midTextOffsets(text, code.length + 1), movable: false };
}

function listCell(items: readonly CodedName[], separator: string, cutInsideItems: boolean): TableCell {
  const text = items.map((item) => item.code + item.name).join(separator);
  const cuts = (): number[] => {
    const offsets: number[] = [];
    let at = 0;
    items.forEach((item, i) => {
      if (i > 0) {
        at += separator.length;
        offsets.push(at);
      }
      if (cutInsideItems) {
        for (const offset of midTextOffsets(item.code + item.name, item.code.length + 1)) offsets.push(at + offset);
      }
      at += item.code.length + item.name.length;
    });
    return offsets;
  };
  return { text, cuts, movable: true };
}

function lines(cell: string, column: number): number {
  return Math.ceil(cell.length / COLUMN_WIDTHS[column]!);
}

function rowHeight(cells: readonly TableCell[]): number {
  return Math.max(1, ...cells.map((cell, column) => lines(cell.text, column)));
}

/** Splits a cell so that about `keep` characters stay on the page; [the part before, the rest]. */
function cutCell(cell: TableCell, keep: number): [string, string] {
  if (cell.text.length <= keep) return [cell.text, ''];
  const cuts = cell.cuts();
  let offset = -1;
  for (const cut of cuts) if (cut <= keep && cut > offset) offset = cut;
  if (offset < 0 && cell.movable) offset = 0;
  if (offset < 0) offset = cuts.find((cut) => cut > keep) ?? cell.text.length;
  return [cell.text.slice(0, offset).trimEnd(), cell.text.slice(offset).trimStart()];
}

function tableHeader(first: boolean, random: Random): string {
  const level = first && random.chance(0.7) ? '職能 級別' : '職能級別';
  return `主要職責\t工作任務\t工作產出\t行為指標\t${level}\t職能內涵 ( K=knowledge 知識 )\t職能內涵 ( S=skills 技能 )`;
}

function tableRows(standard: ParsedStandard, random: Random): TableCell[][] {
  const knowledge = new Map(standard.knowledge.map((k) => [k.code, k]));
  const skills = new Map(standard.skills.map((s) => [s.code, s]));
  const rows: TableCell[][] = [];
  for (const responsibility of standard.responsibilities) {
    responsibility.tasks.forEach((task, t) => {
      const separator = random.chance(0.4) ? '  ' : ' ';
      const cutNames = random.chance(0.3);
      rows.push([
        t === 0 ? nameCell(responsibility.code, responsibility.name) : { text: '', cuts: NO_CUTS, movable: false },
        nameCell(task.code, task.name),
        listCell(task.outputs, separator, true),
        listCell(task.indicators.map((i) => ({ code: i.code, name: i.text })), separator, true),
        { text: String(task.level), cuts: NO_CUTS, movable: false },
        // K and S lists mostly break between items; sometimes inside a long name.
        listCell(task.knowledgeCodes.map((code) => knowledge.get(code)!), separator, cutNames),
        listCell(task.skillCodes.map((code) => skills.get(code)!), separator, cutNames),
      ]);
    });
  }
  return rows;
}

/** The main table, paginated: header, rows, and at each page break a blank line and the header again. */
function renderTable(standard: ParsedStandard, random: Random, layout: LayoutStats): string[] {
  const out = [tableHeader(true, random)];
  const pageLines = random.int(22, 32);
  let y = HEADER_LINES + Math.floor(pageLines * (0.35 + 0.45 * random.next()));
  const pageBreak = (): void => {
    out.push('', tableHeader(false, random));
    layout.pageBreaks += 1;
    y = HEADER_LINES;
  };
  for (const row of tableRows(standard, random)) {
    let cells = row;
    for (;;) {
      const height = rowHeight(cells);
      if (y + height <= pageLines || y <= HEADER_LINES) {
        out.push(cells.map((c) => c.text).join('\t'));
        y += height;
        break;
      }
      const room = pageLines - y;
      if (room >= 2 && random.chance(0.85)) {
        const halves = cells.map((cell, column) => cutCell(cell, room * COLUMN_WIDTHS[column]!));
        if (halves.some(([, rest]) => rest !== '') && halves[1]![0] !== '') {
          out.push(halves.map(([before]) => before).join('\t'));
          pageBreak();
          layout.cutRows += 1;
          cells = halves.map(([, rest]) => ({ text: rest, cuts: NO_CUTS, movable: true }));
          continue;
        }
      }
      pageBreak();
    }
  }
  return out;
}

function versionLines(standard: ParsedStandard): string[] {
  const status = { CURRENT: '最新版本', HISTORICAL: '歷史版本' } as const;
  return [
    '版本\t職能基準代碼\t職能基準名稱\t狀態\t更新說明\t發展更新日期',
    ...standard.versions.map((v) => [`V${v.version}`, v.code, v.name, status[v.status], v.note, (v.date ?? '').replaceAll('-', '/')].join('\t')),
  ];
}

function fieldLines(standard: ParsedStandard, random: Random): string[] {
  const categories = classificationField(standard.categories, random);
  const occupations = classificationField(standard.occupations, random);
  const industries = classificationField(standard.industries, random);
  const named = (kind: '職類' | '職業'): string => (standard.nameKind === kind ? standard.name : '');
  return [
    `職能基準代碼\t${standard.code}\t\t\t`,
    `職能基準名稱 ( 擇一填寫 )\t職類\t${named('職類')}\t\t`,
    `\t職業\t${named('職業')}\t\t`,
    `所屬 類別\t職類別\t${categories.names}\t職類別代碼\t${categories.codes}`,
    `\t職業別\t${occupations.names}\t職業別代碼\t${occupations.codes}`,
    `\t行業別\t${industries.names}\t行業別代碼\t${industries.codes}`,
    `工作描述\t${standard.description}\t\t\t`,
    `基準級別\t${standard.level}\t\t\t`,
  ];
}

function supplementLines(standard: ParsedStandard, random: Random): string[] {
  const out = ['- 建議擔任此職類/職業之學歷/經歷/或能力條件：', ...standard.requirements.map((r) => `  - ${r}`)];
  const others = [...standard.glossary.map((g) => `${g.term}：${g.definition}`), ...standard.otherNotes];
  if (others.length > 0) out.push('- 其他補充說明：', ...others.map((o) => `  - ${o}`));
  else if (random.chance(0.5)) out.push('- 其他補充說明：', '  - 無');
  return out;
}

/** The text of a standard in the published tab-separated format. */
export function renderStandard(standard: ParsedStandard, random: Random): { text: string; layout: LayoutStats } {
  const layout: LayoutStats = { pageBreaks: 0, cutRows: 0 };
  const lines = [
    '',
    '',
    `## ${standard.name}職能基準`,
    '',
    ...versionLines(standard),
    '',
    ...fieldLines(standard, random),
    '',
    ...renderTable(standard, random, layout),
    '',
    '#### 職能內涵 ( A=attitude 態度 )',
    '',
    ...standard.attitudes.map((a) => `- ${a.code}${a.name}：${a.description}`),
    '',
    '#### 說明與補充事項',
    '',
    ...supplementLines(standard, random),
  ];
  return { text: lines.join('\n'), layout };
}

export function generateStandard(identity: StandardIdentity, random: Random, vocabulary?: Vocabulary): GeneratedStandard {
  const expected = planStandard(identity, random, vocabulary);
  const { text, layout } = renderStandard(expected, random);
  return { expected, text, layout };
}
