import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The entry's stylesheet (main.tsx imports styles.css), e.g. assets/index-CqmhArbN.css. */
const ENTRY_STYLESHEET = /(^|\/)assets\/index-[\w-]+\.css$/;

/**
 * Puts the app's stylesheet into index.html (a <style> in <head>) instead of linking it.
 * A linked stylesheet is one more request before the page is drawn in its final style: in
 * <head> it blocked the first paint for a round trip, and moved to the end of <body> the
 * shell painted but Chrome counted no contentful paint until it had arrived (Lighthouse's
 * first contentful paint waited for the JavaScript downloads started meanwhile). It is
 * 4.7 KB gzipped; the CSP allows inline styles. Pages' own stylesheets stay lazy chunks.
 */
function inlineStylesheet(): Plugin {
  // The file stays in the build, but no chunk's preload list names it (see modulePreload).
  const link = /\s*<link rel="stylesheet"[^>]*href="\/(assets\/index-[\w-]+\.css)"[^>]*>/g;
  return {
    name: 'dx-inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(link, (tag, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return tag;
          return `\n    <style>${String(asset.source).replace(/<\/style/gi, '<\\/style')}</style>`;
        });
      },
    },
  };
}

/**
 * Preloads the app's chunks from index.html. The entry script is small and loads the app
 * with a dynamic import (after starting the opened page's code and data, see main.tsx);
 * without these links the app's download would only start once the entry has run.
 */
function preloadAppChunks(): Plugin {
  return {
    name: 'dx-preload-app-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const app = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!app) throw new Error('dx-preload-app-chunks: no chunk for src/app/start.tsx');
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (files.includes(fileName)) return;
          files.push(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(app.fileName);
        return {
          html,
          tags: files
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
              injectTo: 'head' as const,
            })),
        };
      },
    },
  };
}

export default defineConfig({
  root: appRoot,
  cacheDir: `${workspaceRoot}node_modules/.vite/apps/web`,
  plugins: [react(), inlineStylesheet(), preloadAppChunks()],
  resolve: {
    alias: {
      '@dx/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
    },
  },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    port: 4300,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    reportCompressedSize: true,
    sourcemap: false,
    modulePreload: {
      // The app's stylesheet is inlined in index.html (inlineStylesheet): a dynamic import
      // must not load it a second time.
      resolveDependencies: (_, deps) => deps.filter((dep) => !ENTRY_STYLESHEET.test(dep)),
    },
  },
});
