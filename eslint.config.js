import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'zlib'];
const noElectron = { group: ['electron'], message: 'The core and shared code run in plain Node and the browser: never import electron here.' };
const noNode = { group: nodeBuiltins, message: 'This code also runs in the browser: no Node modules.' };
const noSqlite = { group: ['better-sqlite3'], message: 'Only electron/core/db and core repositories touch SQLite.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noSqlite] }],
    },
  },
  { files: ['shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noSqlite] }] } },
  { files: ['electron/core/**/*.ts', 'electron/web-host/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] } },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNode, noSqlite, { group: ['../core/*', '../core'], message: 'The preload only relays calls.' }] }] },
  },
  { files: ['electron/main/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noSqlite] }] } },
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
);
