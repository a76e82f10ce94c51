import { readFile } from 'node:fs/promises';
import { type App, problem, sendProblem } from '@railbill/platform';
import { z } from 'zod';

const webDir = new URL('../../../web/', import.meta.url);
const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const FILE = /^[a-z0-9-]+\.(js|css)$/;
const isPublic = { public: true } as const;

/** The page (public: it asks for the operator token) and its plain ES modules, straight from `web/`. */
export const registerWeb = (app: App): void => {
  app.get('/', { config: isPublic, schema: { hide: true } }, async (_request, reply) =>
    reply
      .type(types.html ?? 'text/html')
      .header('cache-control', 'no-cache')
      .send(await readFile(new URL('index.html', webDir), 'utf8')),
  );
  app.get(
    '/web/:file',
    { config: isPublic, schema: { hide: true, params: z.object({ file: z.string() }) } },
    async (request, reply) => {
      const { file } = request.params;
      const ext = FILE.exec(file)?.[1];
      const content =
        ext === undefined ? undefined : await readFile(new URL(file, webDir), 'utf8').catch(() => undefined);
      if (ext === undefined || content === undefined)
        return sendProblem(reply, problem(request, 404, 'not-found', `no file ${file}`));
      return reply
        .type(types[ext] ?? 'text/plain')
        .header('cache-control', 'no-cache')
        .send(content);
    },
  );
};
