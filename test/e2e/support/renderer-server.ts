/**
 * Serves the built renderer on 127.0.0.1 with the app's own CSP and nonce handling (loadRendererFile is
 * what the app:// protocol uses), so the page under test runs under the same policy as in the app.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRendererFile } from '../../../electron/main/renderer-files.ts';

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

/** Starts the server on a free port. */
export async function startRendererServer(root: string): Promise<RendererServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    void loadRendererFile(root, url.pathname).then((file) => {
      response.writeHead(file.status, file.headers);
      response.end(file.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
