// Scores one pair of analysed competencies.
//
// Each name is a bag of character bigrams (a Latin word counts as one unit) weighted by how rare the
// bigram is among all competency names (inverse document frequency), so 管理 weighs little and 災後
// much. A bigram that straddles two words (通協 in 溝通|協調) weighs less than one inside a word,
// so word order matters little. A bigram produced by a lexicon substitution counts for the
// substitution's weight. Per side, coverage = the share of its weight found in the other side,
// where text that the other side's note or description explains counts partly. The score is the
// harmonic mean of the two coverages; when one side is (nearly) inside the other, the score is
// lifted towards 1 in proportion to how specific the inner side is: 災後復原計畫 inside
// 組織危機管理和災後復原計畫 scores well, 管理 inside 壓力管理 does not.
import type { AnalysedName, MatchUnit } from './normalise.js';
import type { CompetencyInput, SimilarityEvidence } from './types.js';

/** Tunable constants of the score; the defaults were chosen on the tuning half of the labelled set. */
export interface ScoringParameters {
  /** Weight of a bigram that straddles a word boundary, relative to one inside a word. */
  boundaryWeight: number;
  /** How much text explained by the other side's note or description counts, relative to the name. */
  contextWeight: number;
  /** Coverage of the inner side from which the pair is treated as containment. */
  containmentCoverage: number;
  /** Largest lift containment gives (for a fully specific inner side). */
  containmentLift: number;
  /** IDF mass of the inner side at which it counts as fully specific. */
  specificMass: number;
  /** Score of two different names that normalise to the same text; other scores scale with it. */
  normalisedScore: number;
  /**
   * Exponent applied to the combined coverage (< 1 raises middling scores), so that the default
   * threshold sits at 0.5 and the 0.35 floor keeps related but distinct pairs.
   */
  calibration: number;
  /** Factor applied when the names differ by members of one contrast set (車床 / 銑床). */
  contrastPenalty: number;
}

export const DEFAULT_SCORING: ScoringParameters = {
  boundaryWeight: 0.4,
  contextWeight: 0.6,
  containmentCoverage: 0.9,
  containmentLift: 0.5,
  specificMass: 1.5,
  normalisedScore: 0.95,
  calibration: 0.7,
  contrastPenalty: 0.5,
};

/** A weighted feature of a name. */
export interface Gram {
  key: string;
  /** 1 inside a word, `boundaryWeight` across a word boundary. */
  factor: number;
  conf: number;
  written: string;
  lexicon: string[];
  /** Index of the first unit it covers, and how many units. */
  start: number;
  span: number;
  /** IDF x factor, set once the corpus is known. */
  weight: number;
}

/** A competency ready to be compared. */
export interface PreparedCompetency {
  index: number;
  input: CompetencyInput;
  key: string;
  name: AnalysedName;
  grams: Map<string, Gram>;
  /** Bigrams of the note / description, if any. */
  context: Set<string>;
  /** Contrast terms in the name, by contrast set. */
  contrasts: Map<number, Set<string>>;
  /** Sum of gram weights (set once the corpus IDF is known). */
  mass: number;
  /** The words of the analysed name. */
  words: string[];
  /** The name cut into object and frame (set once the corpus's frames are known). */
  framed: { object: string; frame: string | null };
  /** The documents that list it, when known. */
  documents: Set<string> | null;
  /** The normalised text before the name's first conjunction (故障排除 in 故障排除與檢修), or null. */
  firstConjunct: string | null;
}

const LATIN_WORD = /^[a-z0-9.#+]{2,}$/;

/** The weighted bigrams of an analysed name. */
export function gramsOf(name: AnalysedName, boundaryWeight: number): Map<string, Gram> {
  const grams = new Map<string, Gram>();
  const add = (g: Gram): void => {
    const old = grams.get(g.key);
    if (!old || old.factor * old.conf < g.factor * g.conf) grams.set(g.key, g);
  };
  const units = name.units;
  const lexiconOf = (...us: MatchUnit[]): string[] => [...new Set(us.map((u) => u.lexicon).filter((l): l is string => l !== null))];
  if (units.length === 1) {
    const u = units[0] as MatchUnit;
    add({ key: u.text, factor: 1, conf: u.conf, written: u.written, lexicon: lexiconOf(u), start: 0, span: 1, weight: 0 });
    return grams;
  }
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i] as MatchUnit;
    const v = units[i + 1] as MatchUnit;
    add({
      key: u.text + v.text,
      factor: name.wordBreak[i] ? boundaryWeight : 1,
      conf: Math.min(u.conf, v.conf),
      written: `${u.written}\u0001${v.written}`,
      lexicon: lexiconOf(u, v),
      start: i,
      span: 2,
      weight: 0,
    });
  }
  units.forEach((u, i) => {
    if (LATIN_WORD.test(u.text)) add({ key: u.text, factor: 1, conf: u.conf, written: u.written, lexicon: lexiconOf(u), start: i, span: 1, weight: 0 });
  });
  return grams;
}

/** Bigram keys of a supporting text (no weights needed). */
export function contextGramsOf(text: AnalysedName): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i + 1 < text.units.length; i++) keys.add((text.units[i] as MatchUnit).text + (text.units[i + 1] as MatchUnit).text);
  for (const u of text.units) if (LATIN_WORD.test(u.text)) keys.add(u.text);
  return keys;
}

/**
 * Inverse document frequency over the names of a corpus, scaled to (0, 1]. Names can be added later
 * (incremental alignment): the counts stay exact, and weights are read from the counts at the time
 * they are asked for.
 */
export class IdfTable {
  private names = 0;
  private readonly df = new Map<string, number>();
  private readonly cache = new Map<string, number>();

  constructor(documents: Iterable<Iterable<string>>) {
    this.add(documents);
  }

  /** Counts more names (each an iterable of its features). */
  add(documents: Iterable<Iterable<string>>): void {
    for (const doc of documents) {
      this.names++;
      for (const key of new Set(doc)) this.df.set(key, (this.df.get(key) ?? 0) + 1);
    }
    this.cache.clear();
  }

  /** How many names were counted (at least 1). */
  get size(): number {
    return Math.max(this.names, 1);
  }

  /** How many names contain the feature. */
  frequency(key: string): number {
    return this.df.get(key) ?? 0;
  }

  weight(key: string): number {
    let w = this.cache.get(key);
    if (w === undefined) {
      w = Math.log(1 + this.size / Math.max(this.frequency(key), 1)) / Math.log(1 + this.size);
      this.cache.set(key, w);
    }
    return w;
  }
}

/** The score of a pair from its coverages; monotone in both, so it also gives upper bounds. */
export function scoreFromCoverage(
  covA: number,
  covB: number,
  innerMass: number,
  params: ScoringParameters,
): { score: number; contained: boolean } {
  const inner = Math.max(covA, covB);
  const outer = Math.min(covA, covB);
  if (inner >= params.containmentCoverage && outer < params.containmentCoverage) {
    // One name inside the other: what counts is how specific the inner name is. A generic inner
    // name (管理, 分析) says little about the outer one, a specific one (災後復原計畫) says much.
    const lift = params.containmentLift * Math.min(1, innerMass / params.specificMass);
    return { score: lift + (1 - lift) * outer, contained: true };
  }
  return { score: covA + covB > 0 ? (2 * covA * covB) / (covA + covB) : 0, contained: false };
}

/**
 * The lowest combined coverage whose calibrated score reaches `floor` (calibration is monotone), so
 * that candidates can be bounded without calibrating each one.
 */
export function rawFloor(floor: number, params: ScoringParameters): number {
  if (floor <= 0) return Number.NEGATIVE_INFINITY;
  const share = floor / params.normalisedScore;
  return share > 1 ? Number.POSITIVE_INFINITY : Math.pow(share, 1 / params.calibration);
}

/** Maps a combined coverage in [0, 1] to the reported score. */
export function calibrate(raw: number, params: ScoringParameters): number {
  return Math.pow(Math.min(1, Math.max(0, raw)), params.calibration) * params.normalisedScore;
}

export interface PairScore {
  score: number;
  /** The two names have the same key (the same competency). */
  exact: boolean;
  /** Sibling terms that tell the two apart (`車床≠銑床`). */
  contrast: string[];
  /** Some text of one side is explained by the other side's note or description. */
  usedContext: boolean;
  /** The method and the evidence, built only for pairs that are kept (it costs more than the score). */
  explain(): { method: string; details: SimilarityEvidence };
  /** Share of each side's weight found in the other (x first), before calibration. */
  coverage: [number, number];
  /** The same with text the other side's note or description explains counted in full. */
  explainedCoverage: [number, number];
}

/** The unit as written: a substituted term is shown once, in its own words. */
function shownText(u: MatchUnit): string {
  if (u.lexicon === null) return u.text;
  const cut = u.written.lastIndexOf('#');
  return cut > 0 && u.written.slice(cut + 1) === '0' ? u.written.slice(0, cut) : '';
}

/** The normalised name with lexicon substitutions shown as written. */
function asWritten(name: AnalysedName): string {
  return name.units.map(shownText).join('');
}

/** Runs of consecutive units of `name` covered by the given grams, as text. */
function runsOf(name: AnalysedName, grams: Iterable<Gram>): string[] {
  const covered = new Array<boolean>(name.units.length).fill(false);
  for (const g of grams) for (let k = g.start; k < g.start + g.span; k++) covered[k] = true;
  const runs: string[] = [];
  let run = '';
  name.units.forEach((u, i) => {
    if (covered[i]) run += shownText(u);
    if ((!covered[i] || i === name.units.length - 1) && run) {
      runs.push(run);
      run = '';
    }
  });
  return runs;
}

/** Pairs of contrasting terms (`車床≠銑床`): a set in which each name has a member the other lacks. */
export function contrastsBetween(x: PreparedCompetency, y: PreparedCompetency): string[] {
  const out: string[] = [];
  for (const [set, termsX] of x.contrasts) {
    const termsY = y.contrasts.get(set);
    if (!termsY) continue;
    const onlyX = [...termsX].filter((t) => !termsY.has(t) && !y.name.core.includes(t));
    const onlyY = [...termsY].filter((t) => !termsX.has(t) && !x.name.core.includes(t));
    if (onlyX.length > 0 && onlyY.length > 0) out.push(`${onlyX.join('/')}≠${onlyY.join('/')}`);
  }
  return out;
}

/**
 * Scores two prepared competencies of the same kind (gram weights must be set). Returns null when
 * the score is below `floor`, without building the evidence.
 */
export function scorePair(x: PreparedCompetency, y: PreparedCompetency, params: ScoringParameters, floor = 0): PairScore | null {
  if (x.key === y.key) {
    return {
      score: 1,
      exact: true,
      contrast: [],
      usedContext: false,
      explain: () => ({ method: 'exact-key', details: { shared: [x.key], lexicon: [], containment: null, context: [], contrast: [] } }),
      coverage: [1, 1],
      explainedCoverage: [1, 1],
    };
  }
  let sharedX = 0;
  let sharedY = 0;
  let substituted = false;
  const xSmall = x.grams.size <= y.grams.size;
  const small = xSmall ? x : y;
  const large = xSmall ? y : x;
  for (const [key, gs] of small.grams) {
    const gl = large.grams.get(key);
    if (!gl) continue;
    const same = gs.written === gl.written;
    const conf = same ? 1 : Math.min(gs.conf, gl.conf);
    sharedX += (xSmall ? gs : gl).weight * conf;
    sharedY += (xSmall ? gl : gs).weight * conf;
    if (!same) substituted = true;
  }
  // Text of one side explained by the other side's supporting text.
  const explained = (side: PreparedCompetency, other: PreparedCompetency): number => {
    let mass = 0;
    if (other.context.size === 0) return mass;
    for (const [key, g] of side.grams) if (!other.grams.has(key) && other.context.has(key)) mass += g.weight;
    return mass;
  };
  const ctxX = explained(x, y);
  const ctxY = explained(y, x);
  const covX = x.mass > 0 ? Math.min(1, (sharedX + params.contextWeight * ctxX) / x.mass) : 0;
  const covY = y.mass > 0 ? Math.min(1, (sharedY + params.contextWeight * ctxY) / y.mass) : 0;
  const innerMass = covX >= covY ? x.mass : y.mass;
  const { score: combined, contained } = scoreFromCoverage(covX, covY, innerMass, params);
  const contrast = x.contrasts.size > 0 && y.contrasts.size > 0 ? contrastsBetween(x, y) : [];
  const score = calibrate(contrast.length > 0 ? combined * params.contrastPenalty : combined, params);
  if (score < floor) return null;

  const usedContext = ctxX > 0 || ctxY > 0;
  return {
    score,
    exact: false,
    contrast,
    usedContext,
    explain: () => evidenceOf(x, y, { covX, covY, contained, substituted, usedContext, contrast }),
    coverage: [covX, covY],
    explainedCoverage: [x.mass > 0 ? Math.min(1, (sharedX + ctxX) / x.mass) : 0, y.mass > 0 ? Math.min(1, (sharedY + ctxY) / y.mass) : 0],
  };
}

/** The method and evidence of a scored pair, for a person to judge. */
function evidenceOf(
  x: PreparedCompetency,
  y: PreparedCompetency,
  found: { covX: number; covY: number; contained: boolean; substituted: boolean; usedContext: boolean; contrast: string[] },
): { method: string; details: SimilarityEvidence } {
  const { covX, covY, contained, substituted, usedContext, contrast } = found;
  const sharedGrams: Gram[] = [];
  const lexicon = new Set<string>();
  for (const [key, gx] of x.grams) {
    const gy = y.grams.get(key);
    if (!gy) continue;
    sharedGrams.push(gx);
    if (substituted && gx.written !== gy.written) for (const l of [...gx.lexicon, ...gy.lexicon]) lexicon.add(l);
  }
  const explainedGrams = (side: PreparedCompetency, other: PreparedCompetency): Gram[] =>
    other.context.size === 0 ? [] : [...side.grams].filter(([key]) => !other.grams.has(key) && other.context.has(key)).map(([, g]) => g);
  const [inner, outer] = covX >= covY ? [x, y] : [y, x];
  const containment =
    contained && inner.name.core.length > 0 && outer.name.core.includes(inner.name.core)
      ? { inner: asWritten(inner.name), outer: asWritten(outer.name) }
      : null;
  const sameCore = x.name.core === y.name.core && x.name.core.length > 0;
  const main = sameCore ? 'normalised' : contained ? 'containment' : 'lexical';
  const method = [
    main,
    ...(lexicon.size > 0 ? ['lexicon'] : []),
    ...(usedContext && !sameCore ? ['context'] : []),
    ...(contrast.length > 0 ? ['contrast'] : []),
  ].join('+');
  return {
    method,
    details: {
      shared: runsOf(x.name, sharedGrams),
      lexicon: [...lexicon].sort(),
      containment,
      context: usedContext ? [...runsOf(x.name, explainedGrams(x, y)), ...runsOf(y.name, explainedGrams(y, x))] : [],
      contrast,
    },
  };
}

/** The short text stored on the graph relationship. */
export function describeEvidence(details: SimilarityEvidence, method: string): string {
  if (method === 'exact-key') return 'same name after normalising width, case, spaces and punctuation';
  const parts: string[] = [];
  if (details.containment) parts.push(`inside: ${details.containment.inner} ⊂ ${details.containment.outer}`);
  if (details.shared.length > 0) parts.push(`shared: ${details.shared.join(', ')}`);
  if (details.lexicon.length > 0) parts.push(`lexicon: ${details.lexicon.join(', ')}`);
  if (details.context.length > 0) parts.push(`explained by note: ${details.context.join(', ')}`);
  if (details.contrast.length > 0) parts.push(`but differs: ${details.contrast.join(', ')}`);
  return parts.join('; ');
}
