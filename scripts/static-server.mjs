// A minimal static file server for the built app (used by scripts/serve and the tests).
// Serves `dir` under `base` (a sub-path such as /apps/dondoc/, like an intranet server).
import { createServer, request as forward } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// `types` overrides the content types by extension, to act as a server configured otherwise
// (a server with no type for .wasm sends application/octet-stream, some add a charset).
// `missing`: file names ending so are answered 404, as IIS answers a type it does not know.
// `proxy`: { prefix: '/couchdb/', target: 'http://127.0.0.1:5984' } passes requests under
// the prefix to CouchDB, as the office's web server does (ARCHITECTURE: one origin).
export function startStaticServer(dir, { port = 0, base = '/', types = {}, missing = [], proxy } = {}) {
  const root = resolve(dir);
  const typeOf = { ...TYPES, ...types };
  const server = createServer(async (req, res) => {
    if (proxy && req.url.startsWith(proxy.prefix)) {
      const target = new URL(proxy.target);
      const out = forward({
        host: target.hostname, port: target.port, method: req.method,
        path: '/' + req.url.slice(proxy.prefix.length), headers: { ...req.headers, host: target.host },
      }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end('bad gateway'));
      req.pipe(out);
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(base.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (missing.some((end) => file.endsWith(end))) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      // Validators as Apache and IIS send them by default: a browser revalidates what it
      // holds (304) and keeps the wasm it compiled, as it does from an intranet server.
      const info = await stat(file);
      const tag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = {
        'content-type': typeOf[extname(file)] || 'application/octet-stream',
        etag: tag,
        'last-modified': info.mtime.toUTCString(),
      };
      if (req.headers['if-none-match'] === tag) {
        res.writeHead(304, headers).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}${base}`;
      ok({ server, url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
