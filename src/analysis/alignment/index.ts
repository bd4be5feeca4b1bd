// Public surface of the alignment engine.
export { competencyId, competencyKey, foldSurface, COMPETENCY_KINDS, type CompetencyKind } from '../../graph/competency-key.js';
export {
  alignCompetencies,
  alignPrepared,
  AlignmentIndex,
  prepareAlignmentCorpus,
  DEFAULT_ALIGN_FLOOR,
  DEFAULT_ALIGN_THRESHOLD,
  type AlignOptions,
  type AlignmentCorpus,
} from './align.js';
export {
  loadAlignmentResources,
  defaultAlignmentResources,
  mergeLexicons,
  parseLexicon,
  parseGenericWords,
  ALIGNMENT_DATA_DIR,
  type AlignmentResources,
  type Lexicon,
  type LexiconEntry,
  type GenericWords,
} from './resources.js';
export { analyseText, compileRules, type AnalysedName, type MatchingRules } from './normalise.js';
export { DEFAULT_SCORING, type ScoringParameters } from './score.js';
export type { CompetencyInput, SimilarityPair, SimilarityEvidence, AlignMethod } from './types.js';
