import type { Resolvers } from '../../generated/graphql.js';
import { badUserInput, unauthenticated } from '../../errors.js';
import { importDocuments } from '../../ingest/import-documents.js';
import { alignAfterImport } from '../analysis/alignment.service.js';

const MAX_DOCUMENTS_PER_IMPORT = 200;

export const adminResolvers: Resolvers = {
  Mutation: {
    importDocuments: async (_parent, { input }, context) => {
      if (!context.isAdmin) throw unauthenticated();
      if (input.documents.length > MAX_DOCUMENTS_PER_IMPORT) {
        throw badUserInput(`At most ${MAX_DOCUMENTS_PER_IMPORT} documents per call; got ${input.documents.length}.`, 'input.documents');
      }
      const dryRun = input.dryRun ?? false;
      const results = await importDocuments(context.db, input.documents, { dryRun });
      if (!dryRun) await alignAfterImport(context.db, results);
      return { results };
    },
  },
};
