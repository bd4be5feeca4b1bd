// A corpus vocabulary taken from real documents (`kg generate --vocabulary-from DIR`), so that a
// generated corpus speaks the catalogue's language at scale: tens of thousands of distinct names with
// the real long tail, not the thousand of the built-in lexicon.
//
// Every real knowledge and skill name is a competency. Widely required names (in three documents or
// more) form the general pool, most required first, so they recur the way 溝通協調能力 does; the rest
// spread over the domain pools. New names are made the way the catalogue makes them: the object of one
// real name in the frame of another (凹版印刷 + 操作手冊), frames being the tails that end many names.
import type { Domain } from './lexicon.js';
import { DOMAINS } from './lexicon.js';
import { hashSeed, Random, ZipfSampler } from './random.js';
import { corpusVocabulary, type Competency, type TaskCompetencyKind, type Vocabulary } from './vocabulary.js';

/** A real competency name and how many documents list it. */
export interface RealName {
  kind: TaskCompetencyKind;
  name: string;
  documents: number;
}

export interface RealVocabularyOptions {
  seed: number;
  /** New names made per real name (object of one, frame of another). Default 3. */
  recombined?: number;
}

/** Names listed by this many documents or more are drawn from every document's general pool. */
const GENERAL_MIN_DOCUMENTS = 3;
/** A tail that ends this many names is a frame. */
const FRAME_MIN_NAMES = 8;
/**
 * Zipf exponents of the pools: the general pool as skewed as real requirement counts; domain pools
 * flatter, so rare names stay rare but the long tail is reached (real catalogues add about twenty new
 * names per document).
 */
const GENERAL_EXPONENT = 1;
const DOMAIN_EXPONENT = 0.5;
// Note markers belong to the document that wrote them, not to the name (珠寶創作相關知識【註3】).
const NOTE_MARKER = /[【（(]\s*註\s*\d+\s*[】）)]/g;

/** The frames of a kind's names (longest tails first) and each name's split into object and frame. */
function framesOf(names: readonly string[]): { frames: string[]; split: Array<{ object: string; frame: string }> } {
  const counts = new Map<string, number>();
  for (const name of names) {
    const chars = [...name];
    for (let length = 2; length <= 6 && length < chars.length; length++) {
      const tail = chars.slice(-length).join('');
      counts.set(tail, (counts.get(tail) ?? 0) + 1);
    }
  }
  const frames = [...counts].filter(([, n]) => n >= FRAME_MIN_NAMES).map(([tail]) => tail);
  const split: Array<{ object: string; frame: string }> = [];
  for (const name of names) {
    const chars = [...name];
    for (let length = Math.min(6, chars.length - 1); length >= 2; length--) {
      const tail = chars.slice(-length).join('');
      if ((counts.get(tail) ?? 0) >= FRAME_MIN_NAMES) {
        split.push({ object: chars.slice(0, -length).join(''), frame: tail });
        break;
      }
    }
  }
  return { frames, split };
}

function competency(kind: TaskCompetencyKind, name: string): Competency {
  return { id: `${kind}:${name}`, kind, canonical: name, variants: [{ name, head: '', weight: 1 }], domains: [] };
}

/** A vocabulary whose names are the given real names and names recombined from them. */
export function vocabularyFromNames(real: readonly RealName[], options: RealVocabularyOptions): Vocabulary {
  const random = new Random(hashSeed(options.seed, 'real-vocabulary'));
  const perName = options.recombined ?? 3;
  const all: Competency[] = [];
  const pools = { skill: new Map<Domain, Competency[]>(), knowledge: new Map<Domain, Competency[]>() };
  for (const kind of ['knowledge', 'skill'] as const) {
    for (const domain of DOMAINS) pools[kind].set(domain, []);
    const byName = new Map<string, RealName>();
    for (const n of real) {
      const name = n.name.replace(NOTE_MARKER, '').trim();
      if (n.kind !== kind || name.length === 0) continue;
      const known = byName.get(name);
      byName.set(name, { kind, name, documents: (known?.documents ?? 0) + n.documents });
    }
    const names = [...byName.values()].sort((a, b) => b.documents - a.documents || a.name.localeCompare(b.name));
    const known = new Set(names.map((n) => n.name));
    const domainOf = (name: string): Domain => DOMAINS[1 + (hashSeed('domain', name) % (DOMAINS.length - 1))] as Domain;
    for (const n of names) {
      const c = competency(kind, n.name);
      all.push(c);
      const domain = n.documents >= GENERAL_MIN_DOCUMENTS ? 'general' : domainOf(n.name);
      (c.domains as Domain[]).push(domain);
      pools[kind].get(domain)!.push(c);
    }
    const { split } = framesOf(names.map((n) => n.name));
    const wanted = names.length * perName;
    for (let made = 0, attempts = 0; made < wanted && attempts < wanted * 4 && split.length > 1; attempts++) {
      const object = random.pick(split).object;
      const frame = random.pick(split).frame;
      const name = object + frame;
      if (object.length === 0 || known.has(name)) continue;
      known.add(name);
      const c = competency(kind, name);
      const domain = domainOf(name);
      (c.domains as Domain[]).push(domain);
      all.push(c);
      pools[kind].get(domain)!.push(c);
      made++;
    }
  }
  const samplers = (kind: TaskCompetencyKind): Record<Domain, ZipfSampler<Competency>> =>
    Object.fromEntries(
      DOMAINS.map((d) => [d, new ZipfSampler(pools[kind].get(d)!, d === 'general' ? GENERAL_EXPONENT : DOMAIN_EXPONENT)]),
    ) as Record<Domain, ZipfSampler<Competency>>;
  return { competencies: all, skills: samplers('skill'), knowledge: samplers('knowledge'), objects: corpusVocabulary().objects };
}
