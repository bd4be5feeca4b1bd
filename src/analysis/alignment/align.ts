// Finds related competencies across a corpus without comparing every pair: candidates come from an
// inverted index of the names' bigrams, an index of the notes' bigrams, and equal normalised names.
// While a name's postings are walked, the weight it shares with each candidate is summed; that gives
// an upper bound of the score, and only candidates whose bound reaches the floor are scored in full.
// Bigrams found in a large share of all names are left out of the walk.
//
// The index is kept between runs (`AlignmentIndex`): names added later are analysed, counted into
// the corpus statistics (bigram and frame frequencies) and aligned against everything indexed, at a
// cost in proportion to them and their candidates rather than to the corpus. Names indexed earlier
// keep the weights they were given when they were indexed; `drift` says how much of the corpus came
// since, and a full rebuild gives every name the statistics of the whole corpus again.
import { competencyKey, type CompetencyKind } from '../../graph/competency-key.js';
import { analyseText, compileRules, findContrasts, type MatchingRules } from './normalise.js';
import { defaultAlignmentResources, type AlignmentResources, type Lexicon } from './resources.js';
import {
  contextGramsOf,
  rawFloor,
  DEFAULT_SCORING,
  describeEvidence,
  gramsOf,
  IdfTable,
  scoreFromCoverage,
  scorePair,
  type PreparedCompetency,
  type ScoringParameters,
} from './score.js';
import { FrameTable, wordsOf } from './frames.js';
import { CONJUNCTIONS, DEFAULT_RELATIONS, relatePair, type RelationContext, type RelationParameters } from './relate.js';
import type { CompetencyInput, SimilarityPair } from './types.js';

/**
 * Pairs scoring below this are not typed at all: the weakest relation kept (broader/narrower, see
 * `RelationParameters.broaderMinScore`) needs 0.5, so candidates whose score cannot reach it are
 * pruned before they are scored in full.
 */
export const DEFAULT_ALIGN_FLOOR = 0.5;

/**
 * The default `minScore` of shared-competency, coverage and learning-path questions: every stored
 * equivalent counts, because the relation's type (not its score) says whether two wordings are one
 * competency. Higher values keep only the closest wordings; 1 keeps the same competency only.
 */
export const DEFAULT_ALIGN_THRESHOLD = 0;

export interface AlignOptions {
  /** Report only pairs that involve at least one of these ids (incremental run); all pairs if absent. */
  only?: ReadonlySet<string>;
  /** Lowest score reported. Default DEFAULT_ALIGN_FLOOR. */
  floor?: number;
  /** Replaces the lexicon of `resources`. */
  lexicon?: Lexicon;
  /** Generic words, lexicon and character map; default the files in seed/alignment/. */
  resources?: AlignmentResources;
  /** Cut names into words (default true); false compares plain bigrams. */
  segmentation?: boolean;
  scoring?: Partial<ScoringParameters>;
  relations?: Partial<RelationParameters>;
  /**
   * Bigrams found in more names of a kind than this are not used to find candidates (a safety valve
   * against a bigram in nearly every name; the score's upper bound does the real pruning). Pairs that
   * share only such bigrams are then not reported. Default max(2000, 20% of the kind).
   */
  maxPostings?: number;
}

/** A corpus analysed once, to align in full or in part and to score single pairs. */
export interface AlignmentCorpus {
  /** Every indexed competency, in the order indexed. */
  readonly items: readonly PreparedCompetency[];
  readonly idf: IdfTable;
  readonly params: ScoringParameters;
  readonly relations: RelationParameters;
  /** The scored pair (ids in any order), or null when either id is unknown or kinds differ. */
  pair(aId: string, bId: string): SimilarityPair | null;
}

let defaultRules: MatchingRules | undefined;

function rulesFor(options: AlignOptions): MatchingRules {
  if (!options.resources && !options.lexicon && options.segmentation !== false) {
    defaultRules ??= compileRules(defaultAlignmentResources());
    return defaultRules;
  }
  const base = options.resources ?? defaultAlignmentResources();
  const resources = options.lexicon ? { ...base, lexicon: options.lexicon } : base;
  return compileRules(resources, { segmentation: options.segmentation !== false });
}

// Note markers (【註2】, （註1）, and a marker cut by the source, `1】`) say nothing about a name.
const NOTE_MARKERS = /[【（(]\s*註\s*\d+\s*[】）)]|【[^】]*】|\d+】$/g;
const PARENTHESIS = /[（(]([^（）()]*)[）)]/g;
const ALTERNATIVE = /(\p{Script=Han})[（(](\p{Script=Han})[）)](\p{Script=Han})/gu;

/**
 * A name split into what is compared and what only explains it: a parenthesis restates or lists
 * examples (顧客關係管理（CRM）, 製圖理論（含：用語、規格…）), so it counts as supporting text.
 */
export function nameParts(name: string): { compared: string; explained: string } {
  // One character in a parenthesis inside a word is an alternative to the one before it:
  // 夾（治）具 is 夾具 and 治具, 凸（柔）版 is 凸版 and 柔版.
  const clean = name.replace(NOTE_MARKERS, '').replace(ALTERNATIVE, (_, x: string, y: string, z: string) => `${x}${z}與${y}${z}`);
  const inside = [...clean.matchAll(PARENTHESIS)].map((m) => m[1] as string);
  const outside = clean.replace(PARENTHESIS, '').trim();
  return outside.length > 0 ? { compared: outside, explained: inside.join('、') } : { compared: clean, explained: '' };
}

/** The normalised text before a name's first conjunction, or null when it has none. */
function firstConjunctOf(name: string, kind: CompetencyKind, rules: MatchingRules): string | null {
  const at = name.search(CONJUNCTIONS);
  return at > 0 ? analyseText(name.slice(0, at), kind, rules, false).core : null;
}

function supportingText(c: CompetencyInput, fromName: string): string {
  return [c.description, c.context, fromName].filter((t): t is string => typeof t === 'string' && t.trim().length > 0).join('。');
}

function listedTogether(x: PreparedCompetency, y: PreparedCompetency): boolean {
  if (!x.documents || !y.documents) return false;
  const [small, large] = x.documents.size <= y.documents.size ? [x.documents, y.documents] : [y.documents, x.documents];
  for (const d of small) if (large.has(d)) return true;
  return false;
}

function lettersOf(core: string): string {
  return [...core].sort().join('');
}

/** The competencies of one kind and their candidate indexes; removed ones leave a hole (null). */
interface KindIndex {
  items: Array<PreparedCompetency | null>;
  /** Bigram -> positions in `items` of the names that hold it. */
  names: Map<string, number[]>;
  /** Bigram -> positions of the names whose note or description holds it. */
  contexts: Map<string, number[]>;
  /** Normalised name -> positions. */
  cores: Map<string, number[]>;
  /** The normalised name's characters in order -> positions (the same words in another order). */
  letters: Map<string, number[]>;
  frames: FrameTable;
  /** What relatePair asks of the corpus and the data files. */
  context: RelationContext;
}

function post(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

/** Aligns competencies against an index kept between runs; see the file's header. */
export class AlignmentIndex implements AlignmentCorpus {
  readonly params: ScoringParameters;
  readonly relations: RelationParameters;
  readonly idf: IdfTable;
  private readonly rules: MatchingRules;
  private readonly kinds = new Map<CompetencyKind, KindIndex>();
  private readonly byId = new Map<string, { kind: KindIndex; position: number }>();
  private readonly builtWith: number;
  private addedSince = 0;

  private constructor(corpus: readonly CompetencyInput[], options: AlignOptions) {
    this.rules = rulesFor(options);
    this.params = { ...DEFAULT_SCORING, ...options.scoring };
    this.relations = { ...DEFAULT_RELATIONS, ...options.relations };
    const prepared = this.analyse(corpus);
    this.idf = new IdfTable(prepared.map((it) => it.grams.keys()));
    this.place(prepared);
    this.builtWith = prepared.length;
  }

  /** Analyses every competency and computes the corpus statistics. Ids must be unique. */
  static build(corpus: readonly CompetencyInput[], options: AlignOptions = {}): AlignmentIndex {
    return new AlignmentIndex(corpus, options);
  }

  get items(): PreparedCompetency[] {
    return [...this.kinds.values()].flatMap((k) => k.items.filter((it): it is PreparedCompetency => it !== null));
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Share of the indexed names added since the index was built (their statistics were updated as
   * they came; the names indexed before keep their weights). 0 right after a build.
   */
  get drift(): number {
    return this.driftAfter(0);
  }

  /** What `drift` would be once `adding` more names are indexed (to decide before reading them). */
  driftAfter(adding: number): number {
    const added = this.addedSince + adding;
    return this.builtWith === 0 ? (added > 0 ? 1 : 0) : added / this.builtWith;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Indexes competencies not indexed yet (ids already indexed are an error). */
  add(corpus: readonly CompetencyInput[]): void {
    const prepared = this.analyse(corpus);
    this.idf.add(prepared.map((it) => it.grams.keys()));
    this.place(prepared);
    this.addedSince += prepared.length;
  }

  /** Forgets competencies (no longer in the graph). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const at = this.byId.get(id);
      if (!at) continue;
      at.kind.items[at.position] = null;
      this.byId.delete(id);
    }
  }

  /** Records which documents list a competency now (two names one document lists are never equivalent). */
  setDocuments(id: string, documents: readonly string[]): void {
    const item = this.item(id);
    if (item) item.documents = documents.length > 0 ? new Set(documents) : null;
  }

  pair(aId: string, bId: string): SimilarityPair | null {
    const x = this.item(aId);
    const y = this.item(bId);
    if (!x || !y || x === y || x.input.kind !== y.input.kind) return null;
    return this.toPair(x, y);
  }

  /**
   * Related pairs with score >= floor, each unordered pair once (`a < b` by id), best first. With
   * `only`, just the pairs involving those ids, against everything indexed.
   */
  align(options: Pick<AlignOptions, 'only' | 'floor' | 'maxPostings'> = {}): SimilarityPair[] {
    const floor = options.floor ?? DEFAULT_ALIGN_FLOOR;
    const out: SimilarityPair[] = [];
    for (const kind of this.kinds.values()) this.alignKind(kind, options.only, floor, options.maxPostings, out);
    return out.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
  }

  private item(id: string): PreparedCompetency | null {
    const at = this.byId.get(id);
    return at ? (at.kind.items[at.position] ?? null) : null;
  }

  /** Names analysed, before the corpus statistics are known. */
  private analyse(corpus: readonly CompetencyInput[]): PreparedCompetency[] {
    const seen = new Set<string>();
    return corpus.map((input, index) => {
      if (seen.has(input.id) || this.byId?.has(input.id)) throw new Error(`alignCompetencies: duplicate competency id ${input.id}`);
      seen.add(input.id);
      const parts = nameParts(input.name);
      const name = analyseText(parts.compared, input.kind, this.rules);
      const support = supportingText(input, parts.explained);
      return {
        index,
        input,
        key: `${input.kind}:${competencyKey(input.kind, input.name)}`,
        name,
        grams: gramsOf(name, this.params.boundaryWeight),
        context: support ? contextGramsOf(analyseText(support, input.kind, this.rules, false)) : new Set<string>(),
        contrasts: findContrasts(name, this.rules),
        mass: 0,
        words: wordsOf(name),
        framed: { object: name.core, frame: null },
        documents: input.documents && input.documents.length > 0 ? new Set(input.documents) : null,
        firstConjunct: firstConjunctOf(parts.compared, input.kind, this.rules),
      };
    });
  }

  /** Weighs analysed names with the current statistics and enters them into the candidate indexes. */
  private place(prepared: PreparedCompetency[]): void {
    for (const it of prepared) {
      let mass = 0;
      for (const [key, g] of it.grams) {
        g.weight = this.idf.weight(key) * g.factor;
        mass += g.weight;
      }
      it.mass = mass;
    }
    for (const kind of new Set(prepared.map((it) => it.input.kind))) {
      const ofKind = prepared.filter((it) => it.input.kind === kind);
      let index = this.kinds.get(kind);
      if (!index) {
        const frames = new FrameTable([], this.relations.frameMinNames);
        const context: RelationContext = { isFrame: (tail) => frames.isFrame(tail), impliedWords: this.rules.impliedWords };
        index = { items: [], names: new Map(), contexts: new Map(), cores: new Map(), letters: new Map(), frames, context };
        this.kinds.set(kind, index);
      }
      index.frames.add(ofKind.map((it) => it.name));
      for (const it of ofKind) {
        it.framed = index.frames.split(it.name);
        const position = index.items.length;
        index.items.push(it);
        this.byId.set(it.input.id, { kind: index, position });
        for (const key of it.grams.keys()) post(index.names, key, position);
        for (const key of it.context) post(index.contexts, key, position);
        post(index.cores, it.name.core, position);
        post(index.letters, lettersOf(it.name.core), position);
      }
    }
  }

  private toPair(x: PreparedCompetency, y: PreparedCompetency): SimilarityPair | null {
    const [a, b] = x.input.id < y.input.id ? [x, y] : [y, x];
    // The relation's score, not the pair's raw score, meets the floor (a related pair is scored by
    // the harmonic mean of its coverages, which may exceed the raw score): scored without a floor.
    const scored = scorePair(a, b, this.params, 0);
    if (!scored) return null;
    const typed = relatePair(a, b, scored, listedTogether, this.params, this.relations, this.byId.get(a.input.id)?.kind.context);
    if (!typed) return null;
    const { method, details } = scored.explain();
    return {
      a: a.input.id,
      b: b.input.id,
      relation: typed.relation,
      score: Math.round(typed.score * 1e4) / 1e4,
      method,
      evidence: [typed.reason, describeEvidence(details, method)].filter(Boolean).join('; '),
      details,
    };
  }

  /** Candidate generation and scoring for the competencies of one kind. */
  private alignKind(index: KindIndex, only: ReadonlySet<string> | undefined, floor: number, maxPostings: number | undefined, out: SimilarityPair[]): void {
    const group = index.items;
    const n = group.length;
    if (n < 2) return;
    const cap = maxPostings ?? Math.max(2000, Math.ceil(n * 0.2));
    const { idf, params } = this;
    // The calibrated score is monotone in the combined coverage: bound the raw score instead. A
    // little below the exact value, so that rounding never drops a pair the full score would keep.
    const lowest = rawFloor(floor, params) - 1e-9;
    const inOnly = new Uint8Array(n);
    const starts: number[] = [];
    if (only) {
      for (const id of only) {
        const at = this.byId.get(id);
        if (at?.kind === index) {
          inOnly[at.position] = 1;
          starts.push(at.position);
        }
      }
      starts.sort((a, b) => a - b);
    } else {
      for (let i = 0; i < n; i++) if (group[i]) starts.push(i);
      inOnly.fill(1);
    }
    const accX = new Float64Array(n);
    const accY = new Float64Array(n);
    const full = new Uint8Array(n);
    const touchedFlag = new Uint8Array(n);
    const touched: number[] = [];
    const touch = (j: number): void => {
      if (touchedFlag[j] === 0) {
        touchedFlag[j] = 1;
        touched.push(j);
      }
    };

    for (const i of starts) {
      const a = group[i];
      if (!a) continue;
      // Each pair once: among the names asked for, from the earlier one.
      const eligible = (j: number): boolean => j !== i && group[j] !== null && (!inOnly[j] || j > i);
      let cappedX = 0;
      let cappedY = 0;
      for (const [key, g] of a.grams) {
        const postings = index.names.get(key) as number[];
        const w = idf.weight(key);
        if (postings.length > cap) {
          cappedX += w * g.factor;
          cappedY += w;
          continue;
        }
        const wx = w * g.factor;
        for (const j of postings) {
          if (!eligible(j)) continue;
          touch(j);
          accX[j] = (accX[j] as number) + wx;
          accY[j] = (accY[j] as number) + w;
        }
      }
      const mark = (postings: number[] | undefined): void => {
        if (!postings || postings.length > cap) return;
        for (const j of postings) {
          if (!eligible(j)) continue;
          touch(j);
          full[j] = 1;
        }
      };
      for (const key of a.context) mark(index.names.get(key));
      for (const key of a.grams.keys()) mark(index.contexts.get(key));
      mark(index.cores.get(a.name.core));
      mark(index.letters.get(lettersOf(a.name.core)));
      for (const j of touched) {
        const b = group[j] as PreparedCompetency;
        let keep = full[j] === 1;
        if (!keep) {
          const covX = a.mass > 0 ? Math.min(1, ((accX[j] as number) + cappedX) / a.mass) : 0;
          const covY = b.mass > 0 ? Math.min(1, ((accY[j] as number) + cappedY) / b.mass) : 0;
          // Bounds every typed score: the raw score (broader/narrower) and the harmonic mean of the
          // coverages (equivalent, related) both grow with the coverages.
          const harmonic = covX + covY > 0 ? (2 * covX * covY) / (covX + covY) : 0;
          keep = harmonic >= lowest || scoreFromCoverage(covX, covY, Math.max(a.mass, b.mass), params).score >= lowest;
        }
        if (keep) {
          const pair = this.toPair(a, b);
          if (pair && pair.score >= floor) out.push(pair);
        }
        accX[j] = 0;
        accY[j] = 0;
        full[j] = 0;
        touchedFlag[j] = 0;
      }
      touched.length = 0;
    }
  }
}

/** Analyses every competency and computes the corpus statistics. Ids must be unique. */
export function prepareAlignmentCorpus(corpus: readonly CompetencyInput[], options: AlignOptions = {}): AlignmentIndex {
  return AlignmentIndex.build(corpus, options);
}

/**
 * Related pairs of competencies of the same kind with score >= floor, each unordered pair once
 * (`a < b` by id), best first. With `only`, just the pairs involving those ids, scored against the
 * whole corpus (whose statistics always come from the whole corpus).
 */
export function alignCompetencies(corpus: readonly CompetencyInput[], options: AlignOptions = {}): SimilarityPair[] {
  return AlignmentIndex.build(corpus, options).align(options);
}

/** `alignCompetencies` on an already prepared corpus. */
export function alignPrepared(prepared: AlignmentIndex, options: Pick<AlignOptions, 'only' | 'floor' | 'maxPostings'> = {}): SimilarityPair[] {
  return prepared.align(options);
}
