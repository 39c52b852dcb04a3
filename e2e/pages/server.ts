/**
 * Serves the test pages over HTTP (content scripts do not run on file:// without a user switch).
 * `servePages()` listens on 127.0.0.1; `crossOriginUrl` is the same server under "localhost", a
 * different origin, for cross-origin frames.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface PagesServer {
  /** e.g. http://127.0.0.1:4567/ */
  url: string;
  crossOriginUrl: string;
  close(): Promise<void>;
}

export async function servePages(port = 0): Promise<PagesServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path);
    const type = types[extname(file)];
    if (!file.startsWith(root) || !type) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    crossOriginUrl: `http://localhost:${actual}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
