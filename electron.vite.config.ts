import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/shell/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle zod and the
      // contract into the one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    resolve: {
      // MOJ Frontend gives GOV.UK Frontend one assets path; the crest lives only in
      // GOV.UK's folder, every other image in MOJ's.
      alias: [
        {
          find: /^@ui-assets\/images\/govuk-crest\.svg$/,
          replacement: resolve(__dirname, 'node_modules/govuk-frontend/dist/govuk/assets/images/govuk-crest.svg'),
        },
        { find: '@ui-assets', replacement: resolve(__dirname, 'node_modules/@ministryofjustice/frontend/moj/assets') },
      ],
    },
    css: {
      preprocessorOptions: {
        scss: {
          loadPaths: [resolve(__dirname, 'node_modules'), resolve(__dirname)],
          quietDeps: true,
          silenceDeprecations: ['import', 'global-builtin', 'mixed-decls'],
        },
      },
    },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // No inline data: fonts or scripts; everything is a file served by app://.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
