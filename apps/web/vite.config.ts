import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Moves the app's stylesheet from <head> to the end of <body>. In <head> it blocks the first
 * paint until it has crossed the network, behind the JavaScript preloads on a 3G link; at
 * the end of <body> the app shell above it (styled inline) paints as soon as the HTML
 * arrives, and the stylesheet still lands long before React renders anything that needs it.
 */
function stylesheetAfterShell(): Plugin {
  const stylesheet = /\s*<link rel="stylesheet"[^>]*>/g;
  return {
    name: 'dx-stylesheet-after-shell',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(stylesheet) ?? [];
        if (!links.length) return html;
        return html
          .replace(stylesheet, '')
          .replace('</body>', `${links.map((l) => l.trim()).join('\n    ')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  root: appRoot,
  cacheDir: `${workspaceRoot}node_modules/.vite/apps/web`,
  plugins: [react(), stylesheetAfterShell()],
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
