// The graph a benchmark measures: the documents of a folder (--corpus) or a generated corpus of one
// scale, loaded into an embedded Neo4j under bench/corpus/ — freshly, or with `reuse` the graph an
// earlier run loaded from the same documents.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCorpus, type CorpusScale } from './corpus.js';
import { freshGraph, openGraph, readCorpusDir, timedImport, type BenchGraph } from './graph.js';
import { round } from './measure.js';
import type { BenchResults } from './report.js';

export interface CorpusChoice {
  /** A folder of documents to load instead of a generated corpus. */
  corpus: string | null;
  scale: CorpusScale;
  seed: number;
  /** Neo4j's heap, e.g. `2g`. */
  heap: string;
  /** Keep the loaded graph between runs and reuse it (development; figures are the original load's). */
  reuse: boolean;
}

/** How the graph was loaded: the import's and the alignment's figures (an earlier run's when reused). */
export interface LoadFigures {
  import: BenchResults['import'];
  align: BenchResults['align'];
  digest?: string;
}

export interface LoadedGraph {
  graph: BenchGraph;
  /** `corpus-<folder>` or `<scale>-seed<N>`. */
  corpusName: string;
  documents: number;
  loaded: LoadFigures;
}

/**
 * Loads the chosen corpus into an embedded Neo4j (started here; the caller closes
 * `graph.connection`). A real document may be refused (the figures count it); a generated one must
 * import.
 */
export async function loadCorpusGraph(choice: CorpusChoice, corpusRoot: string, log: (line: string) => void): Promise<LoadedGraph> {
  let corpusName: string;
  let inputs: ReturnType<typeof readCorpusDir>;
  let corpusDigest: string;
  if (choice.corpus) {
    corpusName = `corpus-${path.basename(choice.corpus)}`;
    inputs = readCorpusDir(choice.corpus);
    if (inputs.length === 0) throw new Error(`--corpus: no .txt documents in ${choice.corpus}`);
    corpusDigest = createHash('sha256')
      .update(JSON.stringify(inputs.map((input) => [input.name, createHash('sha1').update(input.text).digest('hex')])))
      .digest('hex');
  } else {
    const corpus = await ensureCorpus(corpusRoot, choice.scale, choice.seed, log);
    corpusName = path.basename(corpus.dir);
    inputs = readCorpusDir(corpus.dir);
    // A regenerated corpus is a new one even under the same name.
    corpusDigest = corpus.generatedSeconds === 0 ? corpusName : `${corpusName}@${Date.now()}`;
  }
  log(`corpus: ${inputs.length} documents (${corpusName})`);

  const dataDir = path.join(corpusRoot, `.neo4j-${corpusName}`);
  const loadedMarker = path.join(corpusRoot, `.loaded-${corpusName}.json`);
  const marker = fs.existsSync(loadedMarker) ? (JSON.parse(fs.readFileSync(loadedMarker, 'utf8')) as LoadFigures) : null;
  if (choice.reuse && marker !== null && fs.existsSync(dataDir) && (marker.digest ?? corpusName) === corpusDigest) {
    log(`neo4j: reusing the graph loaded earlier in ${path.relative(process.cwd(), dataDir)} (--reuse)`);
    const graph = await openGraph(dataDir, choice.heap);
    return { graph, corpusName, documents: inputs.length, loaded: marker };
  }

  log('neo4j: starting a fresh embedded database');
  fs.mkdirSync(corpusRoot, { recursive: true });
  fs.rmSync(loadedMarker, { force: true });
  const graph = await freshGraph(dataDir, choice.heap);
  try {
    const step = Math.max(1, Math.round(inputs.length / 10));
    const imported = await timedImport(graph.db, inputs, (done) => {
      if (done % step === 0 || done === inputs.length) log(`import: ${done}/${inputs.length}`);
    });
    log(`import: ${imported.documents} documents in ${imported.seconds.toFixed(1)} s (${imported.docsPerSecond.toFixed(1)}/s), ${imported.failed} failed`);
    if (imported.failed > 0) {
      const failed = imported.results.filter((r) => r.status === 'FAILED');
      const first = failed[0];
      if (!choice.corpus || failed.length === inputs.length) {
        throw new Error(`${imported.failed} document(s) failed to import; first: ${first?.name}: ${first?.errors[0]?.message}`);
      }
      for (const r of failed.slice(0, 5)) log(`import: ${r.name} refused: ${r.errors[0]?.message}`);
    }

    // The pipeline aligned what the import brought: into an empty graph, a full run.
    const aligned = imported.alignment;
    if (!aligned) throw new Error('the import changed nothing, so nothing was aligned');
    const align: BenchResults['align'] = { competencies: aligned.competencies, seconds: round(aligned.seconds, 1), pairs: aligned.relations };
    log(`align: ${align.competencies} competencies, ${align.pairs} typed relations, ${aligned.resemblances} resemblances in ${align.seconds} s`);
    const loaded: LoadFigures = {
      import: { documents: imported.documents, seconds: round(imported.seconds, 1), docsPerSecond: round(imported.docsPerSecond, 1), failed: imported.failed },
      align,
      digest: corpusDigest,
    };
    fs.writeFileSync(loadedMarker, JSON.stringify(loaded, null, 2));
    return { graph, corpusName, documents: inputs.length, loaded };
  } catch (error) {
    await graph.connection.close();
    throw error;
  }
}
