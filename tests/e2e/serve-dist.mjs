// Serves the built web app (dist/) on 127.0.0.1 for the browser tests and the measurements:
// plain node, no dependencies. Text and wasm go out gzip-compressed when the browser accepts
// it, as any static host would send them. Usage: node serve-dist.mjs PORT
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../dist/', import.meta.url));
const port = Number(process.argv[2] ?? 4173);

if (!existsSync(join(root, 'index.html'))) {
  console.error(`${root} has no index.html: build the web app first (cargo xtask test does)`);
  process.exit(1);
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.py': 'text/plain; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.py']);

// Compressed once per file content (the tests load the same files many times).
const gzipCache = new Map();
function gzipped(file, body) {
  const cached = gzipCache.get(file);
  if (cached && cached.raw.equals(body)) return cached.gzipped;
  const compressed = gzipSync(body, { level: 9 });
  gzipCache.set(file, { raw: body, gzipped: compressed });
  return compressed;
}

function fileFor(url) {
  const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
  const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  return file.startsWith(root) ? file : null;
}

const server = createServer(async (request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405).end();
    return;
  }
  let file;
  try {
    file = fileFor(request.url);
  } catch {
    file = null;
  }
  if (!file) {
    response.writeHead(400).end();
    return;
  }
  try {
    let body = await readFile(file);
    const headers = {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipped(file, body);
      headers['content-encoding'] = 'gzip';
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
});
