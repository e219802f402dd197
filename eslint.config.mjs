// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import layers from './eslint-rules/main-layers.mjs';

// The layering rules from DESIGN.md, enforced so the layout cannot rot:
// - only src/main/shell and src/preload import 'electron';
// - src/shared imports neither Node nor DOM-only modules, nor any other layer;
// - the renderer never imports src/main (it knows the contract, not the database);
// - capability folders, vault and db never import the shell or the renderer;
// - inside src/main, folders import only what their layer allows (eslint-rules/main-layers.mjs).
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'worker_threads', 'stream', 'util', 'buffer', 'events', 'url'];
const electron = { name: 'electron', message: "Only src/main/shell and src/preload may import 'electron'." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tmp/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electron],
        patterns: [
          { group: ['**/shell', '**/shell/*'], message: 'Only the shell may depend on the shell.' },
          { group: ['**/renderer/**', 'react', 'react-dom'], message: 'The main process never imports the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    plugins: { mappa: layers },
    rules: { 'mappa/main-layers': 'error' },
  },
  {
    files: ['src/main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'The main process never imports the renderer.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electron, 'react', 'react-dom', 'sql.js'],
        patterns: [
          { group: NODE_BUILTINS, message: 'src/shared runs in every process: no Node APIs.' },
          { group: ['**/main/**', '**/renderer/**', '**/preload/**', '../main', '../renderer', '../preload'], message: 'src/shared depends on no other layer.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**', '**/renderer/**'], message: 'The preload knows only the contract.' },
          { group: NODE_BUILTINS, message: 'A sandboxed preload has no Node APIs.' },
        ],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useLoad takes its callers' deps like useEffect: check them the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '(useLoad)' }],
      'no-restricted-imports': ['error', {
        paths: [electron, 'sql.js'],
        patterns: [
          { group: ['**/main/**', '**/main'], message: 'The renderer never imports src/main: it talks to the register through window.mappa.' },
          { group: NODE_BUILTINS, message: 'The renderer has no Node APIs.' },
        ],
      }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
);
