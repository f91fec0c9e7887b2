// Lint rules, including the walls between runtime layers: shared/ is pure (no Node, no DOM, no Electron, no
// other layer), renderer/ never reaches into electron/ or server/, and server/ and electron/ do not import the
// renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'release',
      '.desk',
      '.tmp',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'always'],
      // Fastify plugins and handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this app does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
  layer(
    ['shared/**/*.ts'],
    [
      'node:*',
      'electron',
      'electron/*',
      '**/server/**',
      '**/renderer/**',
      '**/electron/**',
      'react',
      'react-dom',
      'dexie',
    ],
    'shared/ is pure: it may not import Node, Electron, the DOM libraries or another layer',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['electron', 'electron/*', '**/server/**', '**/electron/**', 'node:*'],
    'renderer/ runs in a sandboxed page: no Electron, Node or server imports',
  ),
  layer(
    ['server/**/*.ts'],
    ['electron', 'electron/*', '**/renderer/**', '**/electron/**'],
    'server/ does not import the desktop app',
  ),
  layer(
    ['electron/**/*.ts'],
    ['**/renderer/**', '**/server/**'],
    'electron/ talks to the renderer only through shared/ipc.ts',
  ),
  {
    // shared/ has no DOM or Node globals either.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'Buffer',
        'localStorage',
        'indexedDB',
        'navigator',
      ],
    },
  },
);
