// The executable schema's parts: SDL read from schema/*.graphql and the resolvers of every module.
import fs from 'node:fs';
import path from 'node:path';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from '../generated/graphql.js';
import { SCHEMA_DIR } from '../paths.js';
import { adminResolvers } from './admin/admin.resolvers.js';
import { analysisResolvers } from './analysis/analysis.resolvers.js';
import { competencyResolvers } from './competency/competency.resolvers.js';
import { documentResolvers } from './document/document.resolvers.js';
import { exploreResolvers } from './explore/explore.resolvers.js';
import { searchResolvers } from './search/search.resolvers.js';
import { serviceResolvers } from './service/service.resolvers.js';
import { taxonomyResolvers } from './taxonomy/taxonomy.resolvers.js';

/** All SDL files, base first so the others can extend its Query and Mutation. */
export function loadTypeDefs(): string {
  const files = fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((file) => fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')).join('\n');
}

export const resolvers: Resolvers[] = [
  { Date: DateResolver, DateTime: DateTimeResolver } as Resolvers,
  serviceResolvers,
  adminResolvers,
  documentResolvers,
  competencyResolvers,
  taxonomyResolvers,
  searchResolvers,
  exploreResolvers,
  analysisResolvers,
];
