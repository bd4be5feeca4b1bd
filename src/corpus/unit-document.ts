// A generated 職能單元 (competency unit): its content, as the ParsedUnit a correct parser must read
// back, and its text: a key/value table whose values are HTML fragments numbered with Chinese
// numerals, with `<u>term</u>【註N】` markers and the notes they point at. A page break cuts a value
// and continues it on a line whose first cell is empty, sometimes inside a `<p>` or a note.

import type { Assessment, Indicator, ParsedUnit, UnitCompetency, UnitNote, UnitTask } from '../ingest/document.js';
import { toChineseNumeral } from '../ingest/icap/numerals.js';
import type { UnitIdentity } from './code-allocator.js';
import { pickCompetencyNames } from './competency-picker.js';
import { ASSESSMENT_CONTEXTS, ASSESSMENT_METHODS, REVISION_NOTES, TASK_VERBS } from './lexicon.js';
import { FragmentBuilder, splitAtCuts, type CutPoint } from './page-cuts.js';
import { activityExamples, exampleList, indicatorSegments, objectPool, outputName, segmentText, taskName, type Segment } from './phrases.js';
import type { Random } from './random.js';
import type { LayoutStats } from './standard-document.js';
import { corpusVocabulary, type Vocabulary } from './vocabulary.js';

export interface GeneratedUnit {
  expected: ParsedUnit;
  text: string;
  layout: LayoutStats;
}

/** A unit's content plus what its text needs beyond the ParsedUnit: how each indicator reads with its markers. */
interface UnitPlan {
  unit: ParsedUnit;
  /** Per task, per indicator: the segments, with noted objects carrying their note number. */
  indicatorSegments: (string | { term: string; note: number })[][][];
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function planUnit(identity: UnitIdentity, random: Random, vocabulary: Vocabulary = corpusVocabulary()): UnitPlan {
  const domains = identity.category.domains;
  const objects = objectPool(vocabulary, domains);
  const withExamples = objects.filter((o) => o.examples.length >= 3);
  const notes: UnitNote[] = [];
  const notedTerms = new Set<string>();
  const addNote = (term: string, examples: string[]): number => {
    const number = notes.length + 1;
    notes.push({ number, term, text: `${term}可能包括：${exampleList(random, examples)}。`, examples });
    notedTerms.add(term);
    return number;
  };

  const focus = random.pick(objects);
  const name = `${random.pick(TASK_VERBS)}${focus.name}`;
  const taskCount = random.int(3, 7);
  const tasks: UnitTask[] = [];
  const segments: UnitPlan['indicatorSegments'] = [];
  const taskNames = new Set<string>();
  for (let t = 1; t <= taskCount; t += 1) {
    const object = random.chance(0.5) ? focus : random.pick(objects);
    let title = taskName(random, object);
    for (let i = 0; i < 20 && taskNames.has(title); i += 1) title = taskName(random, random.pick(objects));
    taskNames.add(title);
    const indicators: Indicator[] = [];
    const taskSegments: (string | { term: string; note: number })[][] = [];
    const count = random.int(2, 5);
    for (let i = 0; i < count * 4 && indicators.length < count; i += 1) {
      const about = random.chance(0.5) ? object : random.pick(random.chance(0.5) && withExamples.length > 0 ? withExamples : objects);
      const parts: Segment[] = indicatorSegments(random, about, random.pick(objects));
      const text = segmentText(parts);
      if (indicators.some((ind) => ind.text === text)) continue;
      const terms: Indicator['terms'] = [];
      const rendered = parts.map((part) => {
        if (typeof part === 'string') return part;
        const noteable = part.object.examples.length >= 3 && !notedTerms.has(part.object.name) && terms.length === 0;
        if (!noteable || !random.chance(0.35)) return part.object.name;
        const examples = random.sample(part.object.examples, random.int(3, Math.min(5, part.object.examples.length)));
        const ordered = part.object.examples.filter((e) => examples.includes(e));
        const note = addNote(part.object.name, ordered);
        terms.push({ term: part.object.name, note });
        return { term: part.object.name, note };
      });
      indicators.push({ code: `P${t}.${indicators.length + 1}`, text, terms });
      taskSegments.push(rendered);
    }
    tasks.push({ code: `T${t}`, name: title, indicators });
    segments.push(taskSegments);
  }

  const competencies = (kind: 'knowledge' | 'skill', letter: 'K' | 'S'): UnitCompetency[] => {
    const count = kind === 'knowledge' ? random.int(3, 14) : random.int(3, 13);
    const names = pickCompetencyNames(vocabulary, random, { kind, count, domains, ...(kind === 'skill' && random.chance(0.6) ? { preferredHead: '技能' } : {}) });
    return names.map((competencyName, i): UnitCompetency => {
      const noted = !notedTerms.has(competencyName) && random.chance(kind === 'skill' ? 0.2 : 0.08);
      const notesOf = noted ? [addNote(competencyName, activityExamples(random, objects, random.int(3, 4)))] : [];
      return { code: `${letter}${pad2(i + 1)}`, name: competencyName, notes: notesOf };
    });
  };
  const knowledge = competencies('knowledge', 'K');
  const skills = competencies('skill', 'S');

  const knowledgeFor = random.sample(knowledge, 1)[0];
  const assessment: Assessment = {
    keyEvidence: [
      `能${random.pick(TASK_VERBS)}${focus.name}。`,
      ...(knowledgeFor ? [`證明${knowledgeFor.name}的知識。`] : []),
      ...random.sample(tasks, random.int(0, 1)).map((t) => `能${t.name}。`),
    ],
    contextAndResources: [...random.sample(ASSESSMENT_CONTEXTS, random.int(1, 3)), `${random.pick(objects).name}相關資料。`],
    methods: [...random.sample(ASSESSMENT_METHODS, random.int(1, 4)), `${outputName(random, random.pick(objects))}的評量。`],
  };

  let year = random.int(2012, 2018);
  const revisionNotes = [`${year}年發展職能單元。`];
  for (let v = 2; v <= identity.version; v += 1) {
    year += random.int(1, 3);
    revisionNotes.push(`${year}年${random.pick(REVISION_NOTES)}`);
  }

  const unit: ParsedUnit = {
    kind: 'UNIT',
    code: identity.code,
    baseCode: identity.baseCode,
    version: identity.version,
    name,
    domain: `${identity.category.clusterName}/${identity.category.name}`,
    categories: [{ code: identity.category.code, name: identity.category.name, parentName: identity.category.clusterName }],
    level: identity.level,
    tasks,
    knowledge,
    skills,
    notes,
    assessment,
    revisionNotes: random.chance(0.85) ? revisionNotes : revisionNotes.slice(-1),
  };
  return { unit, indicatorSegments: segments };
}

// ---- Text ----------------------------------------------------------------------------------------

const LIST_OPEN = '<ol style="list-style-type: none">';

function marker(note: number): string {
  return `【註${note}】`;
}

/** 工作任務與行為指標: `<p>一、task</p> <ol …> <li>1. indicator</li> … </ol>` per task. */
function tasksValue(plan: UnitPlan, random: Random): FragmentBuilder {
  const b = new FragmentBuilder();
  plan.unit.tasks.forEach((task, t) => {
    if (t > 0) b.tag(' ').boundary();
    b.tag('<p>').atom(`${toChineseNumeral(t + 1)}、`).text(task.name, '</p>', '<p>').tag('</p> ').tag(LIST_OPEN);
    plan.indicatorSegments[t]!.forEach((parts, i) => {
      b.tag(' ');
      if (i > 0) b.boundary();
      b.tag('<li>').atom(`${i + 1}. `);
      // A cut inside an item closes the list item, and sometimes the whole list, before the break.
      const [close, open] = random.chance(0.4) ? ['</li> </ol>', `${LIST_OPEN} <li>`] : ['</li>', '<li>'];
      for (const part of parts) {
        if (typeof part === 'string') b.text(part, close, open);
        else b.tag('<u>').atom(part.term).tag('</u>').atom(marker(part.note));
      }
      b.tag('</li>');
    });
    b.tag(' </ol>');
  });
  return b;
}

/** One K or S item: `五、name`, or `一、 <u>name</u> 【註9】` when a note explains it. */
function itemHtml(item: UnitCompetency, n: number, plain: boolean): string {
  const numeral = `${toChineseNumeral(n)}、`;
  if (item.notes.length === 0) return numeral + item.name;
  const markers = item.notes.map(marker).join('');
  return plain ? `${numeral} <u>${item.name}</u> ${markers}` : `${numeral}<u>${item.name}</u>${markers}`;
}

/** A K or S list, as `<p>一、…</p> <p>二、…</p>` or as inline text `一、… 二、…`. */
function competencyValue(items: readonly UnitCompetency[], random: Random): FragmentBuilder {
  const b = new FragmentBuilder();
  const plain = random.chance(0.45);
  items.forEach((item, i) => {
    if (i > 0) {
      b.tag(' ');
      // After a page break the copy sometimes continues a `<p>` list as inline text (as in the seed unit).
      const rest = !plain && random.chance(0.4) ? items.slice(i).map((it, j) => itemHtml(it, i + j + 1, true)).join(' ') : undefined;
      b.boundary(rest);
    }
    if (!plain) b.tag('<p>');
    const numeral = `${toChineseNumeral(i + 1)}、`;
    if (item.notes.length === 0) {
      b.atom(numeral).text(item.name, plain ? '' : '</p>', plain ? '' : '<p>');
    } else {
      const html = itemHtml(item, i + 1, plain);
      b.atom(html.slice(0, numeral.length)).tag(html.slice(numeral.length));
    }
    if (!plain) b.tag('</p>');
  });
  return b;
}

/** 評量設計參考: `一、評量之關鍵面向/能力證明之證據： 1. … 二、評量情境與特定資源： 1. … 三、評量方法： 1. …`. */
function assessmentValue(assessment: Assessment): FragmentBuilder {
  const b = new FragmentBuilder();
  const sections: [string, readonly string[]][] = [
    ['評量之關鍵面向/能力證明之證據：', assessment.keyEvidence],
    ['評量情境與特定資源：', assessment.contextAndResources],
    ['評量方法：', assessment.methods],
  ];
  sections.forEach(([heading, items], s) => {
    if (s > 0) b.tag(' ').boundary();
    b.atom(`${toChineseNumeral(s + 1)}、${heading}`);
    items.forEach((item, i) => {
      b.tag(' ');
      if (i > 0) b.boundary();
      b.atom(`${i + 1}. `).text(item);
    });
  });
  return b;
}

/** 說明與補充事項: `<p>【註1】…</p> <p><b>【註2】</b> …</p>`. */
function notesValue(notes: readonly UnitNote[], random: Random): FragmentBuilder {
  const b = new FragmentBuilder();
  const boldFrom = random.chance(0.5) ? random.int(1, notes.length + 1) : notes.length + 1;
  notes.forEach((note, i) => {
    if (i > 0) b.tag(' ').boundary();
    b.tag('<p>');
    if (note.number >= boldFrom) b.tag('<b>').atom(marker(note.number)).tag('</b> ');
    else b.atom(marker(note.number));
    b.text(note.text, '</p>', '<p>').tag('</p>');
  });
  return b;
}

interface UnitRow {
  key: string;
  value: FragmentBuilder | string;
}

/** Characters of a value per line, to measure how much of it fits on a page. */
const LINE_WIDTH = 36;

/**
 * Where a page with `room` characters left cuts a value whose part from `start` is not yet placed: the
 * last cut point that fits, or (half of the time, as copies tend to break between items) the last
 * item boundary within the last lines of the page.
 */
function chooseCut(value: FragmentBuilder, start: number, room: number, random: Random): CutPoint | undefined {
  const min = start + LINE_WIDTH / 2;
  const max = start + room;
  const boundary = random.chance(0.5) ? value.lastBoundary(Math.max(min, max - 4 * LINE_WIDTH), max) : undefined;
  return boundary ?? value.lastCut(min, max);
}

/** The key/value table, paginated: a value cut by a page break continues on a line with an empty first cell. */
function renderRows(rows: readonly UnitRow[], random: Random, layout: LayoutStats): string[] {
  const out: string[] = [];
  const pageLines = random.int(24, 36);
  // Page 1 may start with a title block above the table.
  let y = random.int(2, 12);
  for (const row of rows) {
    if (typeof row.value === 'string') {
      out.push(`${row.key}\t${row.value}`);
      y += 1;
      continue;
    }
    const html = row.value.toString();
    const chosen: CutPoint[] = [];
    let start = 0;
    let remaining = Math.max(1, Math.ceil(row.value.visible / LINE_WIDTH));
    while (y + remaining > pageLines) {
      const last = chosen[chosen.length - 1];
      const cut = last?.rest !== undefined ? undefined : chooseCut(row.value, start, (pageLines - y) * LINE_WIDTH, random);
      if (cut) {
        chosen.push(cut);
        layout.cutRows += 1;
        remaining = Math.max(1, Math.ceil((row.value.visible - cut.visible) / LINE_WIDTH));
        start = cut.visible;
      } else if (chosen.length === 0 && y > 2) {
        // The whole row moves to the next page: a clean break, sometimes marked by a blank line.
        if (random.chance(0.5)) out.push('');
      } else {
        break;
      }
      layout.pageBreaks += 1;
      y = 0;
    }
    y += remaining;
    const pieces = splitAtCuts(html, chosen);
    out.push(`${row.key}\t${pieces[0]}`);
    for (const piece of pieces.slice(1)) out.push('', `\t${piece}`);
  }
  return out;
}

/** The text of a unit in the published key/value format. */
export function renderUnit(plan: UnitPlan, random: Random): { text: string; layout: LayoutStats } {
  const unit = plan.unit;
  const layout: LayoutStats = { pageBreaks: 0, cutRows: 0 };
  const rows: UnitRow[] = [
    { key: '職能單元代碼', value: unit.code },
    { key: '職能單元名稱', value: unit.name },
    { key: '領域類別', value: unit.domain },
    { key: '職能單元級別', value: String(unit.level) },
    { key: '工作任務與行為指標', value: tasksValue(plan, random) },
    { key: '職能內涵 (K=knowledge 知識)', value: competencyValue(unit.knowledge, random) },
    { key: '職能內涵 (S=skills 技能)', value: competencyValue(unit.skills, random) },
    { key: '評量設計參考', value: assessmentValue(unit.assessment) },
    { key: '說明與補充事項', value: unit.notes.length > 0 ? notesValue(unit.notes, random) : '無' },
  ];
  const lines = ['', '', ...renderRows(rows, random, layout), '--\t---', '', '更新紀錄', '', ...unit.revisionNotes];
  return { text: lines.join('\n'), layout };
}

export function generateUnit(identity: UnitIdentity, random: Random, vocabulary?: Vocabulary): GeneratedUnit {
  const plan = planUnit(identity, random, vocabulary);
  const { text, layout } = renderUnit(plan, random);
  return { expected: plan.unit, text, layout };
}
