// 職能基準 (occupational competency standard) text -> ParsedStandard.
//
// The document is read in sections, in this order: an optional title, the version table, the
// fields block, the main table (its header repeats after every page break), then the attitude list
// and 說明與補充事項. Blank lines carry no structure (a page break also leaves one), so sections are
// recognised by their header rows and headings.

import type { ParsedStandard } from '../document.js';
import { parseHeaderFields, parseVersionTable } from './standard-header.js';
import { parseAttitudes, parseSupplement } from './standard-lists.js';
import { parseStandardTable } from './standard-table.js';
import type { SourceDocument, SourceLine } from './source.js';
import { cellsOf, headingText, isFiller, labelKey, type Row } from './table-rows.js';

const SECTIONS = ['preamble', 'versions', 'fields', 'table', 'attitudes', 'supplement'] as const;
type Section = (typeof SECTIONS)[number];

/** The section a heading line opens, if it is one of the two lists after the table. */
function listHeading(text: string): 'attitudes' | 'supplement' | undefined {
  const heading = headingText(text) ?? (text.includes('\t') ? undefined : text);
  if (heading === undefined) return undefined;
  const key = labelKey(heading);
  if (/^職能內涵.*(?:A=attitude|態度)/i.test(key)) return 'attitudes';
  if (key === '說明與補充事項') return 'supplement';
  return undefined;
}

export function parseStandard(doc: SourceDocument): ParsedStandard {
  const rows: Record<'versions' | 'fields' | 'table', Row[]> = { versions: [], fields: [], table: [] };
  const lists: Record<'attitudes' | 'supplement', SourceLine[]> = { attitudes: [], supplement: [] };
  let section: Section = 'preamble';
  let versionHeader = 0;
  let tableHeader = 0;
  const after = (other: Section): boolean => SECTIONS.indexOf(section) > SECTIONS.indexOf(other);

  for (const line of doc.lines) {
    if (isFiller(line.text)) continue;
    const cells = cellsOf(line.text);
    const first = labelKey(cells[0] ?? '');

    const list = listHeading(line.text);
    if (list) {
      if (!after('fields') || (list === 'attitudes' && after('table'))) {
        doc.fail(line.number, list === 'attitudes' ? '職能內涵(A)' : '說明與補充事項', `this heading after the main table${list === 'supplement' ? ' and once' : ''}`);
      }
      section = list;
      continue;
    }
    if (headingText(line.text) !== undefined) {
      if (after('fields')) doc.fail(line.number, 'format', `a heading 職能內涵 ( A=attitude 態度 ) or 說明與補充事項; found "${line.text.trim()}"`);
      continue; // a title above the table
    }
    if (first === '版本' && cells.some((cell) => labelKey(cell) === '職能基準代碼')) {
      if (section !== 'preamble') doc.fail(line.number, '版本', 'one version table, before the fields');
      section = 'versions';
      versionHeader = line.number;
      continue;
    }
    if (first === '主要職責') {
      if (section === 'fields') {
        section = 'table';
        tableHeader = line.number;
      } else if (section !== 'table') {
        doc.fail(line.number, '主要職責', 'the main table after the fields (職能基準代碼 … 基準級別)');
      }
      continue; // the header, or its repetition after a page break
    }
    if (first === '職能基準代碼' && (section === 'preamble' || section === 'versions')) section = 'fields';
    // The version table ends at the first row that is neither a version nor a continuation: the
    // fields block, even when its 職能基準代碼 row is missing (reported as such below).
    if (section === 'versions' && first !== '' && !/^V\d+$/i.test(first)) section = 'fields';

    switch (section) {
      case 'preamble':
        if (cells.length === 1) continue; // an unmarked title line
        doc.fail(line.number, 'format', 'the version table (版本, 職能基準代碼, 職能基準名稱, 狀態, 更新說明, 發展更新日期)');
      case 'versions':
      case 'fields':
      case 'table':
        rows[section].push({ line: line.number, cells });
        break;
      case 'attitudes':
      case 'supplement':
        lists[section].push(line);
        break;
    }
  }

  const versions = parseVersionTable(rows.versions, doc);
  if (versionHeader !== 0 && versions.length === 0) doc.fail(versionHeader, '版本', 'at least one version row (V1 …) under the version table header');
  const header = parseHeaderFields(rows.fields, doc);
  if (versionHeader === 0) {
    // Copies taken from a PDF's later pages lack the table; the code still says which version this is.
    versions.push({ version: header.code.version, code: header.code.code, name: header.name, status: 'CURRENT', note: '', date: null });
    doc.warn('NO_VERSION_TABLE', 0, '版本', `no version table; read as version ${header.code.version} of ${header.code.baseCode} (from the code ${header.code.code}), without a date`);
  } else if (!versions.some((version) => version.code === header.code.code)) {
    doc.fail(versionHeader, '版本', `the version table to list ${header.code.code}, the code of this standard`);
  }
  if (tableHeader === 0) doc.fail(0, '主要職責', 'the main table (主要職責, 工作任務, 工作產出, 行為指標, 職能級別, K, S)');
  const table = parseStandardTable(rows.table, tableHeader, header.level, doc);
  const supplement = parseSupplement(lists.supplement);

  return {
    kind: 'STANDARD',
    code: header.code.code,
    baseCode: header.code.baseCode,
    version: header.code.version,
    name: header.name,
    nameKind: header.nameKind,
    versions,
    categories: header.categories,
    occupations: header.occupations,
    industries: header.industries,
    description: header.description,
    level: header.level,
    responsibilities: table.responsibilities,
    knowledge: table.knowledge,
    skills: table.skills,
    attitudes: parseAttitudes(lists.attitudes, doc),
    requirements: supplement.requirements,
    glossary: supplement.glossary,
    otherNotes: supplement.otherNotes,
  };
}
