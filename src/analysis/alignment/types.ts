// Plain data shapes of the alignment engine: what callers pass in and what they get back.
import type { CompetencyKind } from '../../graph/competency-key.js';

/** One competency to align: a node of the graph, or a name under test. */
export interface CompetencyInput {
  /** Unique id, usually the graph node id `${kind}:${key}`. */
  id: string;
  kind: CompetencyKind;
  name: string;
  /** An attitude's description; compared as supporting text. */
  description?: string;
  /** Text that explains the name, e.g. a unit's 【註】 note on it; adds evidence, never identity. */
  context?: string;
  /**
   * Ids of the documents that list it. Two competencies one document lists side by side are two
   * different competencies, never equivalents.
   */
  documents?: readonly string[];
}

/** The kinds of evidence a score rests on. Combined in `method` with `+` (`containment+lexicon`). */
export type AlignMethod = 'exact-key' | 'normalised' | 'lexical' | 'containment' | 'lexicon' | 'context' | 'contrast';

/** Why two competencies were found similar, for a person to judge. */
export interface SimilarityEvidence {
  /** Runs of matching text, after generic heads and filler words were removed (`溝通協調`). */
  shared: string[];
  /** Lexicon substitutions the match depends on, `協商→協調`. */
  lexicon: string[];
  /** When one name (after normalisation) lies inside the other. */
  containment: { inner: string; outer: string } | null;
  /** Text of one side that the other side's context (note, description) explains. */
  context: string[];
  /** Sibling terms that tell the two apart (`車床≠銑床`); each lowers the score. */
  contrast: string[];
}

/** A related pair of competencies of the same kind; `a < b` by id, each unordered pair once. */
export interface SimilarityPair {
  a: string;
  b: string;
  /** How a relates to b: `narrower` reads "a is narrower than b". */
  relation: CompetencyRelation;
  /** In [0, 1]; 1 only for the same normalised key. */
  score: number;
  /** Main method first, then contributing evidence: `lexical+lexicon+context`. */
  method: string;
  /** Short human-readable summary of the relation and `details`, stored on the graph relationship. */
  evidence: string;
  details: SimilarityEvidence;
}

/**
 * How two competencies of one kind relate: `equivalent` (the same competency in other words),
 * `narrower` / `broader` (one is a specialisation of the other; read "a is narrower than b"),
 * `related` (same frame or field, another object: never counted as shared).
 */
export type CompetencyRelation = 'equivalent' | 'narrower' | 'broader' | 'related';
