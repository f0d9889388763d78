// ESLint 9 flat config for the whole monorepo. Packages run `eslint src` from their own folder;
// ESLint finds this file by walking up. typescript-eslint "recommended" (not type-checked) keeps
// linting fast: no TypeScript program is built, `pnpm typecheck` does the type checking.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '**/coverage/**',
      '**/test-artifacts/**',
      '**/.fazhi-data/**',
      '**/*.generated.*',
      '**/generated/**',
      'pnpm-lock.yaml',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Dependents type-check a workspace package from its sources (tsconfig paths), so a file that
      // relies on an ambient declaration file or a module augmentation must pull it in itself:
      // `/// <reference path="./x.d.ts" />` is the way to do that, and is allowed here.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Browser code (the console app and its plugins) runs in the browser, not in Node.
    files: ['apps/console/**/*.{ts,tsx}', 'packages/plugins/**/*.{ts,tsx}', 'packages/plugin-sdk/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The rules of hooks (and the React Compiler's checks) over every React file; a missed
    // dependency is an error here, not a warning, so that `lint` fails on it.
    files: ['apps/console/**/*.{ts,tsx}', 'packages/plugins/**/*.{ts,tsx}', 'packages/plugin-sdk/**/*.{ts,tsx}', 'examples/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
);
