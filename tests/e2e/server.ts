// A tiny static server for the fixture pages in tests/pages, on 127.0.0.1 and a free port.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export interface PageServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Serve extra HTML at a path (for generated pages), or another body with its own headers. */
  route(path: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startPageServer(root = resolve('tests/pages')): Promise<PageServer> {
  const routes = new Map<string, { body: string; headers: Record<string, string> }>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const extra = routes.get(path);
    if (extra !== undefined) {
      res.writeHead(200, extra.headers).end(extra.body);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    route: (path, body, headers = { 'content-type': TYPES['.html']! }) => void routes.set(path, { body, headers }),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
