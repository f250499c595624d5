import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.local',
      '**/coverage',
      '**/*.cjs',
      // Generated from the OpenAPI document (apps/api/src/http/openapi-types.spec.ts keeps it fresh).
      '**/*.generated.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The web app must never pull in server code: tags decide who may import whom.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            {
              sourceTag: 'scope:worker',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'],
            },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // Kinds: apps, tools (the bench) and browser tests reach libs and test support by
            // their @dx/* names, never one another; test support (type:testing) is left out of
            // production builds by the tsconfig excludes, which deploy/production-build.spec.ts
            // checks on the compiler's file list.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // One typed client (apps/web/src/api): screens name documented paths through it, never
    // a URL of their own. Specs may still assert the URL a call sent.
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/api/**', '**/*.spec.ts', '**/*.spec.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/api\\//]',
          message: "No hand-written API URL: call the typed client (api.get('/courses/{id}', …)).",
        },
        {
          selector: 'TemplateElement[value.raw=/^\\/api\\//]',
          message: "No hand-written API URL: call the typed client (api.get('/courses/{id}', …)).",
        },
      ],
    },
  },
  {
    // The bench measures the apps as they ship: built processes, or the libs they are made
    // of (@dx/*), never their source by relative path (a copy or an import of app internals
    // measures something else, and @nx/enforce-module-boundaries can be silenced per line).
    files: ['tools/bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', 'apps/**'],
              message:
                'tools/bench never imports from apps/: import the lib that owns it (@dx/*) or drive the built process.',
            },
          ],
        },
      ],
    },
  },
  {
    // The hot queries replay the apps' own calls: SQL and functions of @dx/db / @dx/reports.
    // A repository call or query builder written here is a copy that drifts from the app.
    files: ['tools/bench/src/national/hot-quer*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|findOne|findOneBy|findOneOrFail|findOneByOrFail|findBy|findAndCount|findAndCountBy|count|countBy|exists|existsBy)$/]',
          message:
            'No TypeORM call of its own in a hot query: move it into the lib that owns the table, make the app call it, and call that here.',
        },
      ],
    },
  },
  {
    // Migration classes are generated; the migration list holds constructors.
    files: ['libs/db/src/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off', 'max-len': 'off' },
  },
];
