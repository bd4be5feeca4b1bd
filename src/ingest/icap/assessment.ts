// 評量設計參考 of a 職能單元: three numbered sections, each with numbered items.
//
//   一、評量之關鍵面向/能力證明之證據： 1. … 2. … 二、評量情境與特定資源： 1. … 三、評量方法： 1. …
//
// A section is recognised by the words of its heading; a heading with none of them takes the place
// of the customary section at its position.

import type { Assessment } from '../document.js';
import { plainText } from './html-fragment.js';
import { parseNumberedList } from './numbered-list.js';
import { isPlaceholder } from './placeholder.js';

type SectionKey = keyof Assessment;

const ORDER: readonly SectionKey[] = ['keyEvidence', 'contextAndResources', 'methods'];

function sectionOf(heading: string, position: number): SectionKey | undefined {
  if (/關鍵|證據/.test(heading)) return 'keyEvidence';
  if (/情境|資源/.test(heading)) return 'contextAndResources';
  if (/方法/.test(heading)) return 'methods';
  return ORDER[position];
}

export function parseAssessment(html: string, fail: (offset: number, expected: string) => never): Assessment {
  const assessment: Assessment = { keyEvidence: [], contextAndResources: [], methods: [] };
  if (isPlaceholder(plainText(html))) return assessment;
  const sections = parseNumberedList(html, { nested: true }, fail);
  sections.forEach((section, position) => {
    const text = plainText(section.html);
    const colon = text.search(/[：:]/);
    const heading = colon >= 0 ? text.slice(0, colon) : text;
    const key = sectionOf(heading, position);
    if (!key) {
      fail(section.offset, `the three sections 評量之關鍵面向/能力證明之證據, 評量情境與特定資源, 評量方法; found "${heading}"`);
    }
    // Items written after the heading's colon without numbers count as one item.
    const inline = colon >= 0 ? text.slice(colon + 1).trim() : '';
    if (inline !== '') assessment[key].push(inline);
    for (const child of section.children) {
      const item = plainText(child.html);
      if (item !== '') assessment[key].push(item);
    }
  });
  return assessment;
}
