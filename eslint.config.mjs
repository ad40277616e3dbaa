// ESLint: typescript-eslint's recommended rules, plus the project's layering rules.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const TEAMS_PACKAGES = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai'];
const ADAPTER_PACKAGES = ['@azure/*', 'restify', 'node:sqlite', 'openai'];

/** Bans packages by name, with the reason shown when someone imports one. */
function banned(packages, message) {
  return { group: packages, message };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '.tools/**',
      'appPackage/build/**',
      'devTools/**',
      '.playground/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The domain is plain TypeScript: no framework, store or HTTP imports.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            banned(
              TEAMS_PACKAGES,
              'The domain stays free of Bot Framework and Teams AI: put this in src/teams.',
            ),
            banned(
              ADAPTER_PACKAGES,
              'The domain stays free of adapters: put this in src/store, src/http or src/graph.',
            ),
            banned(
              ['**/app/**', '**/store/**', '**/teams/**', '**/http/**', '**/graph/**', '**/cli/**'],
              'The domain depends on nothing outside src/domain.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Only src/teams talks to botbuilder and teams-ai, so a move to the newer Teams SDK touches one folder.
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    // bench/echoBot.ts is the bare teams-ai baseline the turn benchmark measures against.
    ignores: ['src/teams/**', 'bench/echoBot.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [banned(TEAMS_PACKAGES, 'Only src/teams imports botbuilder or teams-ai.')] },
      ],
    },
  },
  prettier,
);
