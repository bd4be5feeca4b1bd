// Choosing the knowledge and skill names of one document: distinct competencies drawn from the
// general pool and the document's domain pools (Zipf-like within each pool), each named by one of
// its variants.

import type { Domain } from './lexicon.js';
import type { Random } from './random.js';
import { chooseVariant, type Competency, type TaskCompetencyKind, type Vocabulary } from './vocabulary.js';

/** Share of a document's competencies drawn from the general pool rather than its domains. */
const GENERAL_SHARE: Record<TaskCompetencyKind, number> = { skill: 0.45, knowledge: 0.35 };

export interface PickOptions {
  kind: TaskCompetencyKind;
  count: number;
  /** The document's domains, the first being its main one. */
  domains: readonly Domain[];
  /** A head the document prefers (units often say 技能). */
  preferredHead?: string;
}

/** `count` distinct names (fewer only if the vocabulary runs out). */
export function pickCompetencyNames(vocabulary: Vocabulary, random: Random, options: PickOptions): string[] {
  const samplers = options.kind === 'skill' ? vocabulary.skills : vocabulary.knowledge;
  const chosen = new Set<Competency>();
  const names: string[] = [];
  const take = (competency: Competency): void => {
    if (chosen.has(competency)) return;
    const name = chooseVariant(competency, random, options.preferredHead);
    if (names.includes(name)) return;
    chosen.add(competency);
    names.push(name);
  };

  for (let attempt = 0; names.length < options.count && attempt < options.count * 20; attempt += 1) {
    const domain: Domain = random.chance(GENERAL_SHARE[options.kind])
      ? 'general'
      : options.domains.length > 1 && random.chance(0.3)
        ? random.pick(options.domains.slice(1))
        : options.domains[0] ?? 'general';
    const sampler = samplers[domain];
    if (sampler.size > 0) take(sampler.draw(random));
  }
  if (names.length < options.count) {
    // Small pools: fill up with any competency of the kind, in vocabulary order.
    for (const competency of vocabulary.competencies) {
      if (names.length >= options.count) break;
      if (competency.kind === options.kind) take(competency);
    }
  }
  return names;
}
