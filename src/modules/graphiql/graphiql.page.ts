import { escapeHtml } from '../results/results.page';

/** URLs of the files the page loads, each named after its content so it can be cached for a year. */
export interface GraphiqlAssetUrls {
  reactJs: string;
  reactDomJs: string;
  graphiqlJs: string;
  graphiqlCss: string;
  pageCss: string;
  startJs: string;
}

export const GRAPHIQL_COMPARISON_QUERY = `# The published results of the 2024 monitoring cycle: each
# indicator × country cell of its editions (newest first), as the
# public reads them. Press the run button (or Ctrl-Enter).
#
# To read as a partner, the reviewer or an admin: run the Login
# tab, copy data.login.token and set it in the Headers pane below:
#   "Authorization": "Bearer <token>"   (an API key goes there too)
# Guide: docs/integration.md. Every field is described under Docs.
#
# dataStatus DEMO: the illustrative demo data, not real results
# (invented scores and documents); cite only REAL data.
query PublishedComparison2024 {
  dataStatus
  cycle(code: "2024") {
    code
    status
    title {
      text
    }
    editions {
      number
      publishedAt
      citation
      comparison {
        countries {
          code
        }
        rows {
          indicator {
            code
            title {
              text
            }
          }
          cells {
            countryCode
            state
            score
            value
            trend
          }
        }
      }
    }
  }
}
`;

export const GRAPHIQL_LOGIN_MUTATION = `# Sign in, then put data.login.token in the Headers pane:
#   "Authorization": "Bearer <token>"
# The token expires at expiresAt. Wrong credentials give the
# userError INVALID_CREDENTIALS.
mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user {
      displayName
      role
      organisation {
        shortName
      }
    }
    userErrors {
      code
      message
    }
  }
}
`;

/** The headers pane: valid JSON whose "//" note and empty Authorization are not sent (see the page script). */
const HEADERS = `{
  "// To sign in": "run the Login tab, then set Authorization to Bearer <token>",
  "Authorization": ""
}`;

export interface GraphiqlPageOptions {
  /** Prefill the Login tab with a demo account (only where the demo data may be loaded). */
  demoAccount: boolean;
  /** Fresh for each response; the Content-Security-Policy allows `<style>` elements carrying it. */
  styleNonce: string;
}

/** The settings the page script reads; `<` is escaped so the JSON cannot close its script element. */
function pageConfig(options: GraphiqlPageOptions): string {
  const credentials = options.demoAccount
    ? { email: 'editor.rs@demo.example', password: 'Demo-Password-1' }
    : { email: 'you@example.org', password: 'your password' };
  const config = {
    endpoint: '/graphql',
    styleNonce: options.styleNonce,
    headers: HEADERS,
    tabs: [
      { query: GRAPHIQL_COMPARISON_QUERY },
      { query: GRAPHIQL_LOGIN_MUTATION, variables: JSON.stringify({ input: credentials }, null, 2) },
    ],
  };
  return JSON.stringify(config).replace(/</g, '\\u003c');
}

/** GraphiQL for people exploring the API; every file it loads comes from this server. */
export function graphiqlPage(assets: GraphiqlAssetUrls, options: GraphiqlPageOptions): string {
  const url = (value: string) => escapeHtml(value);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>GraphiQL · Regional database of anti-trafficking indicators</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${url(assets.graphiqlCss)}">
<link rel="stylesheet" href="${url(assets.pageCss)}">
</head>
<body>
<header class="top"><a href="/">Regional database of anti-trafficking indicators</a> · GraphQL API at
<code>POST /graphql</code> · Anonymous reads work as they are; to sign in, run the <strong>Login</strong> tab and put
the token in the <strong>Headers</strong> pane.</header>
<div id="graphiql" role="main">Loading GraphiQL…</div>
<noscript><p>GraphiQL needs JavaScript. Without it, send <code>POST /graphql</code> requests with a JSON body.</p></noscript>
<script type="application/json" id="graphiql-config">${pageConfig(options)}</script>
<script src="${url(assets.reactJs)}"></script>
<script src="${url(assets.reactDomJs)}"></script>
<script src="${url(assets.graphiqlJs)}"></script>
<script src="${url(assets.startJs)}"></script>
</body>
</html>`;
}
