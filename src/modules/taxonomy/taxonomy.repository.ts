// All Cypher of the taxonomy module: lookups over the occupation, industry and category
// hierarchies (PART_OF points from an entry to its parent) and the competency levels.
import { project } from '../../db/projections.js';
import { listOf, nullable } from '../../graph/decoders.js';
import type { Lookup } from '../../db/batcher.js';
import { asClassification, asLevel, type ClassificationRow, type LevelRow } from './taxonomy.mappers.js';

export type ClassificationLabel = ClassificationRow['nodeType'];

export interface ClassificationLookups {
  byId: Lookup<ClassificationRow | null>;
  parent: Lookup<ClassificationRow | null>;
  children: Lookup<ClassificationRow[]>;
  ancestors: Lookup<ClassificationRow[]>;
  /** Entries without a parent; the key's id is ignored. */
  roots: Lookup<ClassificationRow[]>;
}

function classificationLookups(label: ClassificationLabel): ClassificationLookups {
  const decode = asClassification(label);
  return {
    byId: {
      name: `${label}.byId`,
      body: `RETURN head(COLLECT { MATCH (n:${label} {id: key.id}) RETURN ${project.classification('n')} AS row }) AS value`,
      decode: nullable(decode),
    },
    parent: {
      name: `${label}.parent`,
      body: `RETURN head(COLLECT { MATCH (:${label} {id: key.id})-[:PART_OF]->(p:${label}) RETURN ${project.classification('p')} AS row }) AS value`,
      decode: nullable(decode),
    },
    children: {
      name: `${label}.children`,
      body: `RETURN COLLECT { MATCH (c:${label})-[:PART_OF]->(:${label} {id: key.id}) WITH c ORDER BY c.code RETURN ${project.classification('c')} AS row } AS value`,
      decode: listOf(decode),
    },
    ancestors: {
      name: `${label}.ancestors`,
      body: `RETURN COLLECT {
               MATCH p = (:${label} {id: key.id})-[:PART_OF*1..]->(a:${label})
               WITH a, length(p) AS distance ORDER BY distance DESC
               RETURN ${project.classification('a')} AS row
             } AS value`,
      decode: listOf(decode),
    },
    roots: {
      name: `${label}.roots`,
      body: `RETURN COLLECT { MATCH (n:${label}) WHERE NOT (n)-[:PART_OF]->() WITH n ORDER BY n.code RETURN ${project.classification('n')} AS row } AS value`,
      decode: listOf(decode),
    },
  };
}

export const occupationLookups = classificationLookups('Occupation');
export const industryLookups = classificationLookups('Industry');
export const categoryLookups = classificationLookups('Category');

export const levelById: Lookup<LevelRow | null> = {
  name: 'Level.byId',
  body: `RETURN head(COLLECT { MATCH (l:Level {id: key.id}) RETURN ${project.level('l')} AS row }) AS value`,
  decode: nullable(asLevel),
};

export const allLevels: Lookup<LevelRow[]> = {
  name: 'Level.all',
  body: `RETURN COLLECT { MATCH (l:Level) WITH l ORDER BY l.number RETURN ${project.level('l')} AS row } AS value`,
  decode: listOf(asLevel),
};
