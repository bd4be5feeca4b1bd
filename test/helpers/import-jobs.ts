// Import jobs as a client reads them over GraphQL: the fields tests ask for and the two operations.

export const JOB_FIELDS =
  'id state stage progress { done total failed } results { name code status errors { message } } error createdAt finishedAt';

export interface Job {
  id: string;
  state: string;
  stage: string;
  progress: { done: number; total: number; failed: number };
  results: Array<{ name: string; code: string | null; status: string; errors: Array<{ message: string }> }>;
  error: string | null;
  finishedAt: string | null;
}

/** `startImportJob` with `$docs`: answers `{ startImportJob: { job: Job } }`. */
export const START_JOB = `mutation($docs: [ImportDocumentInput!]!) { startImportJob(input: { documents: $docs }) { job { ${JOB_FIELDS} } } }`;

/** `importJob` with `$id`: answers `{ importJob: Job | null }`. */
export const READ_JOB = `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`;
