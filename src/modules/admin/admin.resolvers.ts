// Resolvers of schema/admin.graphql: imports, synchronous or as background jobs. Both go through the
// import pipeline (src/pipeline); only an administrator may call them.
import type { Resolvers } from '../../generated/graphql.js';
import { badUserInput, unauthenticated } from '../../errors.js';
import type { RequestContext } from '../context.js';
import { runImport } from '../../pipeline/import-pipeline.js';
import { readImportJob, startImportJob } from '../../pipeline/import-jobs.js';

const MAX_DOCUMENTS_PER_IMPORT = 200;
const MAX_DOCUMENTS_PER_JOB = 5_000;

function checkAdmin(context: RequestContext): void {
  if (!context.isAdmin) throw unauthenticated();
}

function checkCount(count: number, maximum: number, hint: string): void {
  if (count > maximum) throw badUserInput(`At most ${maximum} documents per call; got ${count}.${hint}`, 'input.documents');
}

export const adminResolvers: Resolvers = {
  Mutation: {
    importDocuments: async (_parent, { input }, context) => {
      checkAdmin(context);
      checkCount(input.documents.length, MAX_DOCUMENTS_PER_IMPORT, ' Use startImportJob for more.');
      const { results } = await runImport(context.db, input.documents, { dryRun: input.dryRun ?? false });
      return { results };
    },
    startImportJob: async (_parent, { input }, context) => {
      checkAdmin(context);
      checkCount(input.documents.length, MAX_DOCUMENTS_PER_JOB, '');
      if (input.dryRun) throw badUserInput('A dry run answers at once: use importDocuments with dryRun.', 'input.dryRun');
      return { job: await startImportJob(context.db, input.documents) };
    },
  },
  Query: {
    importJob: async (_parent, { id }, context) => {
      checkAdmin(context);
      return readImportJob(context.db, id);
    },
  },
};
