import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { pageChunks } from './vite/page-chunks';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Puts the app's stylesheet into index.html (a <style> in <head>) instead of linking it.
 * A linked stylesheet is one more request before the page is drawn in its final style: in
 * <head> it blocked the first paint for a round trip, and moved to the end of <body> the
 * shell painted but Chrome counted no contentful paint until it had arrived (Lighthouse's
 * first contentful paint waited for the JavaScript downloads started meanwhile). It is
 * 4.7 KB gzipped; the CSP allows inline styles. Pages' own stylesheets stay lazy chunks.
 *
 * The entry chunk then forgets the stylesheet: Vite adds a chunk's CSS to the preload list
 * of every dynamic import that reaches the chunk (the app's chunks import the entry's
 * shared code), and its preload helper only skips a stylesheet that a <link> already
 * loads. Left there, the first lazy import downloaded the inlined stylesheet again and
 * Chrome parsed and applied it a second time (an 80 ms task in Lighthouse's lesson page).
 * This runs in the HTML plugin's generateBundle, before Vite writes the preload lists.
 */
function inlineStylesheet(): Plugin {
  const link = /\s*<link rel="stylesheet"[^>]*href="\/(assets\/[\w-]+\.css)"[^>]*>/g;
  const inlined = new Set<string>();
  return {
    name: 'dx-inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, chunk }) {
        if (!bundle || !chunk) return html;
        return html.replace(link, (tag, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset' || !chunk.viteMetadata?.importedCss.has(fileName)) return tag;
          chunk.viteMetadata.importedCss.delete(fileName);
          inlined.add(fileName);
          return `\n    <style>${String(asset.source).replace(/<\/style/gi, '<\\/style')}</style>`;
        });
      },
    },
    // If a Vite upgrade wrote the preload lists before the HTML, fail the build rather
    // than ship the double download again.
    writeBundle(_, bundle) {
      for (const output of Object.values(bundle)) {
        const named = [...inlined].find(
          (file) => output.type === 'chunk' && output.code.includes(file),
        );
        if (named) throw new Error(`dx-inline-stylesheet: ${output.fileName} still loads ${named}`);
      }
    },
  };
}

/**
 * Preloads the app's chunks from index.html. The entry script is small and loads the app
 * with dynamic imports (after starting the opened page's code and data, see main.tsx and
 * app/start.tsx); without these links the app's download would only start once the entry
 * (then React DOM) had run.
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
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (files.includes(fileName)) return;
          files.push(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        // React DOM's chunk first (it runs first), then the app's.
        for (const module of ['/src/app/start.tsx', '/src/app/App.tsx']) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`dx-preload-app-chunks: no chunk for ${module}`);
          visit(chunk.fileName);
        }
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
  plugins: [
    react(),
    inlineStylesheet(),
    preloadAppChunks(),
    pageChunks({
      entry: '/src/main.tsx',
      groups: [
        // The app's own code in one chunk (index.html preloads it), the helpers pages
        // share with it too; the catalogue (i18n) and React DOM (start) keep theirs.
        { name: 'app', roots: ['/src/app/App.tsx'], leave: ['/src/i18n/index.ts'] },
        {
          name: 'learner',
          roots: [
            '/src/home/HomePage.tsx',
            '/src/courses/CourseCatalogPage.tsx',
            '/src/learning/LessonPlayerPage.tsx',
          ],
          // What the other pages opened first use stays out: they do not load this chunk.
          leave: [
            '/src/app/start.tsx',
            '/src/i18n/index.ts',
            '/src/auth/LoginPage.tsx',
            '/src/reports/ReportsPage.tsx',
            '/src/verify/CertificateVerifyPage.tsx',
          ],
        },
      ],
    }),
  ],
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
  },
});
