// A static file server for the built app, for the browser tests and for
// trying a release build: `node tests/e2e/serve.mjs <folder> [--port N] [--base /sub/path/]`.
// It serves the folder under a base path (any subpath must work) and nothing
// else: no special headers, no rewriting. Exported for the tests to start and stop;
// `onRequest` sees the path (below the base) of every request, for tests that count them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function serve(folder, { port = 0, base = '/', onRequest = () => {}, cacheControl = 'no-cache' } = {}) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    onRequest(rel);
    const path = normalize(join(root, rel));
    if (!path.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': cacheControl });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const folder = args[0] || 'dist';
  const port = Number(args[args.indexOf('--port') + 1]) || 8080;
  const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : '/';
  const server = await serve(folder, { port, base });
  console.log(`PyPrep is served at http://127.0.0.1:${server.address().port}${base}`);
}
