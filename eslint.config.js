// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      '.scratch/',
      'mock-server/spec/generated-types.ts',
      'mock-server/spec/generated-control-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock (mock-server/clock.ts).' },
        { object: 'Math', property: 'random', message: 'Use the injected seeded Random.' },
      ],
    },
  },
  {
    // The clock module is the one place allowed to read the wall clock; scripts and benches are not domain code.
    files: ['mock-server/clock.ts', 'bench/**', 'scripts/**', 'contracts/**', 'test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The dashboard's browser modules (served as they are, no build step).
    files: ['mock-server/ui/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'sessionStorage',
          'fetch',
          'console',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'URL',
          'URLSearchParams',
          'AbortController',
          'TextDecoderStream',
          'addEventListener',
          'removeEventListener',
          'confirm',
          'Intl',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-restricted-properties': 'off' },
  },
);
