// ESLint flat config. Formatting is Prettier's (eslint-config-prettier turns the style rules off);
// ESLint checks correctness and the architecture's boundaries, which no comment can enforce:
//   src/core/**      pure: no Node built-ins, no SDKs, no @actions/*, no adapters, modes, reports
//                    or settings, no process, no clock or timers of its own (a Clock is injected).
//   src/adapters/**  thin I/O: no reports (only the output boundary, report/log,
//                    report/markdown and report/redact, which hosts pass every line through).
//   src/modes/**     never @actions/* (modes talk to the outside through a Host).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SDKS = ['@actions/*', '@kubernetes/*', '@aws-sdk/*', '@aws-crypto/*', '@smithy/*', 'undici'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**', '__tests__/corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/core is pure: Node built-ins belong in src/adapters.' },
            { group: SDKS, message: 'src/core is pure: SDKs and @actions/* belong in src/adapters.' },
            {
              group: [
                '**/adapters/**',
                '**/modes/**',
                '**/report/**',
                '**/settings.js',
                '**/host.js',
                '**/main.js',
                '**/cli.js',
              ],
              message: 'src/core depends on nothing outside src/core.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is pure: environment and arguments come in as parameters.' },
        { name: 'setTimeout', message: 'src/core is pure: time comes from an injected Clock.' },
        { name: 'setInterval', message: 'src/core is pure: time comes from an injected Clock.' },
        { name: 'fetch', message: 'src/core is pure: I/O belongs in src/adapters.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core is pure: time comes from an injected Clock.' },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/report/**',
                '!**/report/log.js',
                '!**/report/markdown.js',
                '!**/report/redact.js',
                '**/modes/**',
              ],
              message: 'Adapters do I/O only: they take data that reports and modes prepared, and import neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@actions/*'], message: 'Modes talk to the outside through the Host (src/host.ts).' }] },
      ],
    },
  },
  {
    files: [
      '__tests__/**/*.{ts,mjs}',
      'bench/**/*.{ts,mjs}',
      'scripts/**/*.{ts,mjs}',
      '*.config.ts',
      'eslint.config.mjs',
    ],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Expected output is written as it looks, aligned columns included.
      'no-regex-spaces': 'off',
      // Test helpers throw their own errors with the failure folded into the message.
      'preserve-caught-error': 'off',
    },
  },
  {
    files: ['__tests__/rules/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='replace']",
          message:
            'Derive fixture variants with edit() (__tests__/helpers/edit.ts): it fails when the text does not occur.',
        },
      ],
    },
  },
  prettier,
);
