import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextVitals from 'eslint-config-next/core-web-vitals';

const KAFKA_CLIENT_FOLDERS = { kafkajs: 'lib/kafka/kafkajs', '@platformatic/kafka': 'lib/kafka/platformatic' };
const kafkaClientImports = (allowed) =>
  Object.entries(KAFKA_CLIENT_FOLDERS)
    .filter(([client]) => client !== allowed)
    .map(([name, folder]) => ({ name, message: `Use lib/kafka/bus.ts (createBus in lib/kafka/client.ts); ${name} lives in ${folder}/ only.` }));

export default tseslint.config(
  {
    ignores: ['node_modules/**', '.next/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'],
  },
  ...nextVitals,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The Kafka clients stay behind lib/kafka/bus.ts: each may be imported only in its adapter folder.
  ...Object.entries(KAFKA_CLIENT_FOLDERS).map(([client, folder]) => ({
    files: [`${folder}/**`],
    rules: { 'no-restricted-imports': ['error', { paths: kafkaClientImports(client) }] },
  })),
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    ignores: Object.values(KAFKA_CLIENT_FOLDERS).map((folder) => `${folder}/**`),
    rules: { 'no-restricted-imports': ['error', { paths: kafkaClientImports() }] },
  },
  // Components get their data from pages (props, SWR fallback) or the API, never from the store:
  // the pool lives in lib/db/web-db.ts, which is server-only, and a client bundle must not reach it.
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: kafkaClientImports(),
          patterns: [{ group: ['@/lib/db/*', '@/lib/queries/*', '**/lib/db/*', '**/lib/queries/*'], allowTypeImports: true, message: 'Components read data through pages or the API; the database is server-only.' }],
        },
      ],
    },
  },
);
