// The competency vocabulary of the generated corpus.
//
// Every knowledge or skill item of a generated document names one competency of this vocabulary, in
// one of its variants: the canonical name (`溝通協調能力`) or a paraphrase of it, made the way
// different documents word the same thing (another head: `溝通協調技能`; a synonym: `溝通協商能力`;
// the parts of a compound joined: `溝通和協商技能`; a modifier: `良好的溝通協調能力`). The canonical
// name is the most common variant, so exact names recur across documents and paraphrases give
// alignment something to find.
//
// Competencies are ranked within each domain pool (the order of the lexicon), and documents draw
// them with Zipf-like frequencies: a few names occur in a large share of the corpus, most are rare.

import {
  CONJUNCTIONS,
  DOMAINS,
  KNOWLEDGE_HEADS,
  LEXICON,
  MODIFIERS,
  SKILL_HEADS,
  SYNONYMS,
  TECHNICAL_HEAD,
  type Domain,
} from './lexicon.js';
import { hashSeed, Random, ZipfSampler } from './random.js';
import type { CompetencyKind } from '../graph/competency-key.js';

/** The kinds a generated task lists (attitudes belong to the whole document). */
export type TaskCompetencyKind = Exclude<CompetencyKind, 'attitude'>;

export interface CompetencyVariant {
  name: string;
  /** The head word of a skill variant (能力, 技能, …); empty for knowledge. */
  head: string;
  /** Relative frequency among the variants of its competency. */
  weight: number;
}

export interface Competency {
  /** `skill:溝通協調能力`: the kind and the canonical name. */
  id: string;
  kind: TaskCompetencyKind;
  canonical: string;
  /** The canonical name first, then its paraphrases. */
  variants: readonly CompetencyVariant[];
  /** The domains whose pools hold this competency. */
  domains: readonly Domain[];
}

/** A work object (營運計畫, 防護具 …) with the examples a unit's note may list for it. */
export interface WorkObject {
  name: string;
  examples: readonly string[];
}

export interface Vocabulary {
  competencies: readonly Competency[];
  skills: Record<Domain, ZipfSampler<Competency>>;
  knowledge: Record<Domain, ZipfSampler<Competency>>;
  objects: Record<Domain, readonly WorkObject[]>;
}

/** Relative frequency of the variants by position: the canonical name is the most common. */
const VARIANT_WEIGHTS = [0.55, 0.16, 0.1, 0.07, 0.06, 0.06] as const;

/** Zipf exponent of the competency pools. */
const ZIPF_EXPONENT = 1;

interface Spec {
  kind: TaskCompetencyKind;
  /** Parts of a compound stem (one part for a simple stem); for a fixed name, the name. */
  parts: string[];
  /** Canonical head, then the paraphrase heads. */
  heads: readonly string[];
  fixed: boolean;
}

function parseSkill(entry: string): Spec {
  const [rawStem = '', head] = entry.split(':');
  const technical = rawStem.endsWith('!');
  const stem = technical ? rawStem.slice(0, -1) : rawStem;
  const canonicalHead = head ?? SKILL_HEADS[0];
  const alternatives: string[] = SKILL_HEADS.filter((h) => h !== canonicalHead);
  if (technical && canonicalHead !== TECHNICAL_HEAD) alternatives.push(TECHNICAL_HEAD);
  return { kind: 'skill', parts: stem.split('|'), heads: [canonicalHead, ...alternatives], fixed: false };
}

function parseKnowledge(entry: string): Spec {
  if (entry.startsWith('=')) return { kind: 'knowledge', parts: [entry.slice(1)], heads: [''], fixed: true };
  const [stem = '', group = 'concept'] = entry.split(':');
  const heads = KNOWLEDGE_HEADS[group];
  if (!heads) throw new Error(`lexicon: unknown knowledge head group "${group}" in "${entry}"`);
  return { kind: 'knowledge', parts: [stem], heads, fixed: false };
}

/** The stems a synonym turns `text` into (one per applicable synonym, in lexicon order). */
export function synonymForms(text: string): string[] {
  const out: string[] = [];
  for (const synonym of SYNONYMS) {
    if (synonym.unless?.some((word) => text.includes(word))) continue;
    if (text.includes(synonym.from) && !text.includes(synonym.to)) {
      out.push(text.replaceAll(synonym.from, synonym.to));
    } else if (!synonym.oneWay && text.includes(synonym.to) && !text.includes(synonym.from)) {
      out.push(text.replaceAll(synonym.to, synonym.from));
    }
  }
  return out;
}

/** Candidate names of a competency, most typical first; the first is canonical. */
function candidates(spec: Spec, random: Random): { name: string; head: string }[] {
  const out: { name: string; head: string }[] = [];
  const stem = spec.parts.join('');
  const [head = '', head2 = head, head3 = head2] = spec.heads;
  const skillHead = (h: string): string => (spec.kind === 'skill' ? h : '');
  const add = (name: string, h: string): void => {
    // `倉儲作業` + `作業流程` would repeat a word.
    if (/(..)\1/.test(name) && !/(..)\1/.test(stem)) return;
    out.push({ name, head: skillHead(h) });
  };
  add(stem + head, head);
  if (spec.fixed) {
    for (const form of synonymForms(stem)) add(form, '');
    return out;
  }
  const synonyms = synonymForms(stem);
  const compound = spec.parts.length > 1;
  const joined = (parts: readonly string[]): string => parts.join(random.pick(CONJUNCTIONS));
  add(stem + head2, head2);
  if (synonyms[0]) add(synonyms[0] + head, head);
  if (compound) {
    add(joined(spec.parts) + head2, head2);
    // A synonym inside a compound, joined: 溝通協調 -> 溝通和協商.
    const synonymParts = spec.parts.map((part) => synonymForms(part)[0] ?? part);
    if (synonymParts.some((part, i) => part !== spec.parts[i])) add(joined(synonymParts) + head2, head2);
  }
  if (spec.kind === 'skill') {
    add(random.pick(MODIFIERS) + stem + head, head);
  } else if (!head.startsWith('基本') && !head.startsWith('相關')) {
    add(`基本${stem}${head}`, head);
  }
  if (synonyms[0]) add(synonyms[0] + head2, head2);
  add(stem + head3, head3);
  for (const form of synonyms.slice(1)) add(form + head, head);
  return out;
}

function parseObject(entry: string): WorkObject {
  const [name = '', examples] = entry.split('=');
  return { name, examples: examples ? examples.split('、') : [] };
}

function build(): Vocabulary {
  const byId = new Map<string, Competency>();
  const specs: { domain: Domain; spec: Spec }[] = [];
  for (const domain of DOMAINS) {
    for (const entry of LEXICON[domain].skills) specs.push({ domain, spec: parseSkill(entry) });
    for (const entry of LEXICON[domain].knowledge) specs.push({ domain, spec: parseKnowledge(entry) });
  }

  // Canonical names first, so that no paraphrase takes the canonical name of another competency.
  const taken = new Map<string, string>();
  const canonicalOf = (spec: Spec): string => spec.parts.join('') + (spec.heads[0] ?? '');
  for (const { spec } of specs) {
    const id = `${spec.kind}:${canonicalOf(spec)}`;
    if (!taken.has(id)) taken.set(id, id);
  }

  const pools: Record<TaskCompetencyKind, Record<Domain, Competency[]>> = {
    skill: Object.fromEntries(DOMAINS.map((d) => [d, []])) as unknown as Record<Domain, Competency[]>,
    knowledge: Object.fromEntries(DOMAINS.map((d) => [d, []])) as unknown as Record<Domain, Competency[]>,
  };
  for (const { domain, spec } of specs) {
    const canonical = canonicalOf(spec);
    const id = `${spec.kind}:${canonical}`;
    let competency = byId.get(id);
    if (!competency) {
      // The variants of a competency do not depend on the corpus seed: the vocabulary is the same
      // for every corpus, only its use differs.
      const random = new Random(hashSeed('variants', id));
      const wanted = random.chance(0.12) ? 1 : random.int(2, VARIANT_WEIGHTS.length);
      const names: { name: string; head: string }[] = [];
      for (const candidate of candidates(spec, random)) {
        if (names.length >= wanted) break;
        const key = `${spec.kind}:${candidate.name}`;
        const owner = taken.get(key);
        if (owner !== undefined && owner !== id) continue;
        if (names.some((n) => n.name === candidate.name)) continue;
        taken.set(key, id);
        names.push(candidate);
      }
      competency = {
        id,
        kind: spec.kind,
        canonical,
        variants: names.map((n, i) => ({ name: n.name, head: n.head, weight: VARIANT_WEIGHTS[i] ?? 0.05 })),
        domains: [],
      };
      byId.set(id, competency);
    }
    if (!competency.domains.includes(domain)) {
      (competency.domains as Domain[]).push(domain);
      pools[spec.kind][domain].push(competency);
    }
  }

  const samplers = (kind: TaskCompetencyKind): Record<Domain, ZipfSampler<Competency>> =>
    Object.fromEntries(DOMAINS.map((d) => [d, new ZipfSampler(pools[kind][d], ZIPF_EXPONENT)])) as Record<
      Domain,
      ZipfSampler<Competency>
    >;
  return {
    competencies: [...byId.values()],
    skills: samplers('skill'),
    knowledge: samplers('knowledge'),
    objects: Object.fromEntries(DOMAINS.map((d) => [d, LEXICON[d].objects.map(parseObject)])) as unknown as Record<
      Domain,
      readonly WorkObject[]
    >,
  };
}

let cached: Vocabulary | undefined;

/** The vocabulary (built once; it is the same for every corpus). */
export function corpusVocabulary(): Vocabulary {
  cached ??= build();
  return cached;
}

/**
 * One variant of a competency, drawn by the variants' weights. `preferredHead` (a document's habit,
 * e.g. units that say 技能) makes variants with that head more likely.
 */
export function chooseVariant(competency: Competency, random: Random, preferredHead?: string): string {
  const weights = competency.variants.map((v) => (preferredHead && v.head === preferredHead ? v.weight * 4 : v.weight));
  return competency.variants[random.weightedIndex(weights)]!.name;
}
