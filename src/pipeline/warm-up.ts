// The service's hot reads, asked of the running service itself: one standard's full tree, a
// competency with what requires it and its equivalents, a search, a role's requirements and the
// competencies two standards share. Running them plans exactly the statements users' requests
// plan, with the parameters of real documents of the graph.

const STANDARDS = '{ standards(first: 2) { edges { node { code occupations { code } } } } }';

const OPERATIONS = [
  `query($code: String!) { standard(code: $code) { code name versions { code status } responsibilities { code name tasks { code name level
     indicators { code text } outputs { code name }
     knowledge { code competency { name } }
     skills { code competency { name requiredBy(first: 5) { totalCount edges { code } } equivalents { score competency { name } } broader { competency { name } } } } } } } }`,
  `query($occupation: String!) { roleRequirements(occupationCode: $occupation) { standards { code } skills { count competency { name } } knowledge { count } tasks { code } } }`,
  `query($codes: [String!]!) { sharedCompetencies(codes: $codes) { kind score competencies { name } } } `,
  `query($code: String!) { similarDocuments(code: $code, first: 5) { score document { code } } }`,
  `{ search(text: "溝通協調", first: 10) { totalCount edges { kind score } } }`,
];

type Post = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown; errors?: Array<{ message: string }> }>;

/** Runs the hot reads through `post`; returns the error messages (none when every read answered). */
export async function warmThroughGraphQL(post: Post): Promise<string[]> {
  const errors: string[] = [];
  const listed = (await post(STANDARDS)) as { data?: { standards: { edges: Array<{ node: { code: string; occupations: Array<{ code: string }> } }> } } };
  const standards = listed.data?.standards.edges.map((e) => e.node) ?? [];
  const first = standards[0];
  if (!first) return errors; // an empty graph has nothing worth planning for
  const variables = {
    code: first.code,
    occupation: first.occupations[0]?.code ?? '',
    codes: standards.length > 1 ? standards.map((s) => s.code) : [first.code, first.code],
  };
  for (const query of OPERATIONS) {
    const answer = await post(query, variables);
    for (const error of answer.errors ?? []) errors.push(error.message);
  }
  return errors;
}

/** A `post` to a GraphQL endpoint over HTTP. */
export function httpPost(url: string): Post {
  return async (query, variables) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  };
}
