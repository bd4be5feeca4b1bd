/**
 * The GraphiQL page. Scripts and styles come from the service itself (the graphiql, react and
 * react-dom npm packages), so it works on machines without internet access.
 */
export function graphiqlPage(endpoint: string): string {
  const defaultQuery = `# Welcome. Try:
{
  service { name version neo4jVersion }
}
`;
  return `<!doctype html>
<html lang="zh-Hant">
<head>
  <meta charset="utf-8" />
  <title>Competency graph · GraphiQL</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/graphiql/assets/graphiql/graphiql.min.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(defaultQuery)} })
    );
  </script>
</body>
</html>`;
}
