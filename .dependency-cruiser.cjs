/**
 * The layering the build enforces (`npm run lint`). Calls run one way:
 * resolvers -> loaders/services -> repositories -> src/db -> Neo4j; the write
 * pipeline (src/pipeline) sits above ingest and the modules' services; pure code
 * (src/analysis, the parsers in src/ingest/icap) never reaches the database.
 * The README's Architecture section lists the same rules in prose.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle makes load order and ownership ambiguous.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-is-the-bottom',
      comment: 'src/db knows Neo4j, not the domain modules, the write pipeline or the server above it.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(modules|pipeline|ingest|export|cli|http|server|main)' },
    },
    {
      name: 'graph-model-below-modules',
      comment: 'src/graph is the shared graph model; it may use src/db but never the modules built on it.',
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: '^src/(modules|pipeline|ingest|export|cli|http|server|main)' },
    },
    {
      name: 'repositories-only-reach-down',
      comment: 'A repository holds Cypher and talks to src/db; it never calls loaders, services or resolvers.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '(\\.(resolvers|loaders|service)\\.ts$|^src/modules/context\\.ts$|^src/(server|pipeline|cli)\\b)' },
    },
    {
      name: 'services-and-loaders-below-resolvers',
      comment: 'Loaders and services serve resolvers; they never import one.',
      severity: 'error',
      from: { path: '\\.(loaders|service)\\.ts$' },
      to: { path: '(\\.resolvers\\.ts$|^src/(server|pipeline|cli)\\b)' },
    },
    {
      name: 'resolvers-hold-no-data-access',
      comment: 'Resolvers translate shapes; reads go through loaders and services, never straight to src/db.',
      severity: 'error',
      from: { path: '\\.resolvers\\.ts$' },
      to: { path: '^src/db/(driver|query|embedded)\\.ts$' },
    },
    {
      name: 'analysis-is-pure',
      comment: 'src/analysis is algorithms on plain data: no database, no modules.',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '(^src/(db|modules|pipeline|ingest/loader)|neo4j-driver)' },
    },
    {
      name: 'parsers-never-touch-the-database',
      comment: 'Parsers turn text into ParsedDocument; loading is src/ingest/loader.ts.',
      severity: 'error',
      from: { path: '^src/ingest/icap/' },
      to: { path: '(^src/(db|modules|pipeline)|neo4j-driver)' },
    },
    {
      name: 'pipeline-is-above-ingest-and-modules',
      comment: 'Every writer goes through src/pipeline; nothing it drives may import it back.',
      severity: 'error',
      from: { path: '^src/(ingest|db|graph|analysis|export)/|\\.(repository|service|loaders|mappers)\\.ts$' },
      to: { path: '^src/pipeline/' },
    },
    {
      name: 'modules-meet-through-their-rows',
      comment:
        'A module uses another only through its row types and decoders (*.mappers.ts) or its public ' +
        'filter arguments (*.filters.ts); repositories, loaders, services and resolvers stay private.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '\\.(mappers|filters)\\.ts$'] },
    },
    {
      name: 'export-reads-below-the-modules',
      comment: 'The export has its own repository; it never goes through the API modules or the write pipeline.',
      severity: 'error',
      from: { path: '^src/export/' },
      to: { path: '^src/(modules|pipeline|cli|server|http)' },
    },
    {
      name: 'explorer-shares-only-the-graph-model',
      comment: 'The explorer runs in the browser: of the service it bundles only the table of node kinds.',
      severity: 'error',
      from: { path: '^explorer/' },
      to: { path: '^src/', pathNot: '^src/graph/node-kinds\\.ts$' },
    },
    {
      name: 'context-assembles-from-below',
      comment: 'The request context is built from src/db and the loaders it assembles, not from the modules it serves.',
      severity: 'error',
      from: { path: '^src/modules/context\\.ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/(context|loaders)\\.ts$' },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Production code never imports tests, fixtures or benchmarks.',
      severity: 'error',
      from: { path: '^(src|explorer)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^bench/\\.scratch/|^src/generated/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
