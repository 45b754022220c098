// Bundles the reference front end with esbuild (from the installed npm packages, offline) and serves it on its
// own port: another origin than the API's, as a partner's front end would be.
//
//   node -r @swc-node/register examples/partner-frontend/serve.ts
//
// serves it at http://localhost:5173 (one of the API's default CORS_ORIGINS outside production) for the API at
// http://localhost:4000/graphql. API_URL and PORT change them.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';

/** The app as one script for the browser. */
export async function bundlePartnerFrontend(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'src', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', 'globalThis.__DEV__': 'false' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface PartnerFrontend {
  url: string;
  close(): Promise<void>;
}

/** Serves the page and its script on `port` (0: a free one), the page pointed at the API's `apiUrl`. */
export async function startPartnerFrontend(options: {
  apiUrl: string;
  port?: number;
  host?: string;
}): Promise<PartnerFrontend> {
  const script = await bundlePartnerFrontend();
  const page = fs
    .readFileSync(path.join(__dirname, 'index.html'), 'utf8')
    .replace('http://localhost:4000/graphql', options.apiUrl.replace(/"/g, '&quot;'));
  const server = http.createServer((req, res) => {
    const route = (req.url ?? '/').split('?')[0];
    if (route === '/' || route === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (route === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  const apiUrl = process.env.API_URL ?? 'http://localhost:4000/graphql';
  startPartnerFrontend({ apiUrl, port: Number(process.env.PORT ?? 5173), host: 'localhost' }).then(
    ({ url }) => process.stdout.write(`Partner front end at ${url}, calling the API at ${apiUrl}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
