// The corpus generator's public surface.

export {
  CORPUS_SCALES,
  generateCorpus,
  writeCorpus,
  type CorpusOptions,
  type CorpusScale,
  type GeneratedDocument,
  type WriteCorpusResult,
} from './generate-corpus.js';
export { readCorpusTaxonomy, DEFAULT_TAXONOMY_DIR, type CorpusTaxonomy, type CorpusTaxonomyEntry } from './classification.js';
export { corpusVocabulary, type Competency, type CompetencyVariant, type Vocabulary } from './vocabulary.js';
export type { LayoutStats } from './standard-document.js';
