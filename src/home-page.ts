/**
 * A plain page at `/` telling a person in a browser where the API is and how to call it. No external assets. It
 * points to GraphiQL only where the server serves it (setting GRAPHIQL).
 */
export function homePage(options: { graphiql: boolean }): string {
  const explore = options.graphiql ? 'Explore it in <a href="/graphql">GraphiQL</a>. ' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Anti-trafficking indicators API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{background:#f4f4f4;border-radius:4px;padding:.1rem .3rem}pre{padding:.8rem;overflow:auto}</style></head>
<body><h1>Regional database of anti-trafficking indicators</h1>
<p>This is the GraphQL API of the Western Balkans regional database of anti-trafficking indicators.
Send GraphQL requests with <code>POST /graphql</code> and a JSON body.</p>
<pre>curl -s http://localhost:4000/graphql -H 'content-type: application/json' \\
  -d '{"query":"{ countries { nodes { code name { text } } } }"}'</pre>
<p>${explore}The schema is in <code>schema/schema.graphql</code> in the
repository, and every type and field has a description; <code>docs/integration.md</code> is the integrators' guide.</p>
<p>Results: <a href="/results/2024">/results/2024</a> (the comparison of a monitoring cycle as a coloured grid).</p></body></html>`;
}
