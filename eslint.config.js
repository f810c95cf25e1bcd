import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const IPC_WRAPPERS = ['electron/main/ipc.ts', 'electron/preload/index.ts'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-web/',
      'dist-web-*/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text renders as text (SEC-15).',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // shared/ is pure: no Electron, Node, DOM frameworks or storage (ARCHITECTURE.md).
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'stream'],
              message: 'shared/ must not import Node modules.',
            },
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'dexie', 'dexie-react-hooks'],
              message: 'shared/ must stay free of UI and storage libraries.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
              message: 'shared/ must not import app layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // Raw IPC only in the two wrapper files (ARCHITECTURE.md habit 1).
    files: ['**/*.{ts,tsx}'],
    ignores: IPC_WRAPPERS,
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Use the typed wrapper in electron/main/ipc.ts.' },
        { object: 'ipcRenderer', message: 'Only electron/preload/index.ts may use ipcRenderer.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/bridge/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'quarterdeck', message: 'Use renderer/src/bridge, the only module that touches the preload API.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'quarterdeck', message: 'Use renderer/src/bridge.' },
      ],
    },
  },
);
