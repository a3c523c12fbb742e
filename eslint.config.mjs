// Flat ESLint config for the whole monorepo: `npm run lint` (eslint .) from the repository root.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin/nx';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads the cached Nx project graph and silently skips itself when
// there is none (a fresh clone, CI). Compute it (or confirm the cache is fresh) before linting.
await createProjectGraphAsync({ exitOnError: true });

/** Node's own globals (process, Buffer, URL, fetch, ...) for the .mjs/.js scripts, from the running Node. */
const nodeGlobals = Object.fromEntries(
  Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']),
);

const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
const TESTS = ['**/*.spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts'];

// ---------------------------------------------------------------------------------------------
// Project boundaries (tags live in each package.json "nx" field).
// ---------------------------------------------------------------------------------------------
const depConstraints = [
  // Services share code only through libraries; a service never imports another service.
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
  // Workflow code is bundled into Temporal's deterministic sandbox: contracts and kernel only.
  { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['scope:contracts', 'scope:kernel'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:worker', onlyDependOnLibsWithTags: ['type:lib', 'type:workflow'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
];

// Tests of workflow code run the workflow on a real Temporal server (worker, client, test helpers);
// that harness is never bundled into the workflow, so it may use any library.
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'type:workflow'
    ? { ...constraint, onlyDependOnLibsWithTags: ['type:lib'] }
    : constraint,
);

const boundaries = (constraints) => [
  'error',
  { allow: [], enforceBuildableLibDependency: false, depConstraints: constraints },
];

// ---------------------------------------------------------------------------------------------
// Temporal workflow determinism (workflows/src, not its unit tests).
// ---------------------------------------------------------------------------------------------
const nodeBuiltins = [
  ...new Set(
    builtinModules.filter((name) => !name.startsWith('_')).map((n) => n.replace(/^node:/, '')),
  ),
].sort();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORKFLOW_ALLOWED_IMPORTS = [
  '@temporalio/workflow',
  '@platform/contracts/workflows',
  '@platform/kernel',
];

const BUILTIN_MESSAGE =
  'Workflow code runs in the Temporal deterministic sandbox, where Node built-ins are unavailable ' +
  'and any I/O breaks replay. Do I/O in an activity and call it through proxyActivities().';
const WORKFLOW_IMPORT_MESSAGE =
  'Workflow code must be deterministic and is bundled into the Temporal sandbox: it may import ' +
  `only ${WORKFLOW_ALLOWED_IMPORTS.join(', ')} and relative modules. Call activity implementations ` +
  'through proxyActivities<Interface>() (type-only imports are fine); put other logic in an activity.';

const workflowRestrictedImports = [
  'error',
  {
    paths: nodeBuiltins.map((name) => ({ name, message: BUILTIN_MESSAGE })),
    patterns: [
      { group: ['node:*'], message: BUILTIN_MESSAGE },
      { group: nodeBuiltins.map((name) => `${name}/*`), message: BUILTIN_MESSAGE },
      {
        // Everything that is not an allowed package, a relative path or a Node built-in (reported above).
        regex:
          `^(?!(?:${WORKFLOW_ALLOWED_IMPORTS.map(escape).join('|')})$|\\.{1,2}/|node:|` +
          `(?:${nodeBuiltins.map(escape).join('|')})(?:/|$))`,
        caseSensitive: true,
        allowTypeImports: true,
        message: WORKFLOW_IMPORT_MESSAGE,
      },
    ],
  },
];

// The sandbox does pin Date, Math.random and setTimeout for replay, but silently: the clock reads the
// current workflow task's time, not "now". Workflow code says what it means through the Temporal APIs.
const NOT_REPLAY_SAFE =
  'Workflow code is replayed: time, randomness and timers come from the Temporal workflow APIs, not the host.';
const workflowRestrictedSyntax = [
  'error',
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: `${NOT_REPLAY_SAFE} Use workflowInfo().startTime / runStartTime from @temporalio/workflow for the process's time.`,
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: `${NOT_REPLAY_SAFE} Use workflowInfo().startTime / runStartTime from @temporalio/workflow, or new Date(<explicit value>).`,
  },
  {
    selector: "CallExpression[callee.name='Date']",
    message: `${NOT_REPLAY_SAFE} Use workflowInfo().startTime from @temporalio/workflow.`,
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: `${NOT_REPLAY_SAFE} Use uuid4() from @temporalio/workflow for identifiers.`,
  },
  {
    selector: 'ImportExpression',
    message: 'Workflow code is bundled ahead of time: no dynamic import().',
  },
];

const workflowRestrictedGlobals = [
  'error',
  ...['setTimeout', 'setInterval', 'setImmediate'].map((name) => ({
    name,
    message: `${NOT_REPLAY_SAFE} Use sleep() or condition(fn, timeout) from @temporalio/workflow.`,
  })),
  {
    name: 'crypto',
    message: `${NOT_REPLAY_SAFE} Use uuid4() from @temporalio/workflow.`,
  },
  {
    name: 'performance',
    message: `${NOT_REPLAY_SAFE} Use workflowInfo() from @temporalio/workflow.`,
  },
  ...['process', 'Buffer', 'fetch'].map((name) => ({ name, message: BUILTIN_MESSAGE })),
];

// ---------------------------------------------------------------------------------------------
// Focused / skipped tests must not be committed.
// ---------------------------------------------------------------------------------------------
const FOCUS_MESSAGE = 'Focused or skipped tests must not be committed.';
const testRestrictedProperties = [
  'error',
  ...['describe', 'it', 'test'].flatMap((object) =>
    ['only', 'skip'].map((property) => ({ object, property, message: FOCUS_MESSAGE })),
  ),
];
const testRestrictedSyntax = [
  'error',
  {
    selector: 'CallExpression[callee.name=/^(fit|fdescribe|xit|xdescribe|xtest)$/]',
    message: FOCUS_MESSAGE,
  },
  {
    selector: 'ImportSpecifier[imported.name=/^(fit|fdescribe|xit|xdescribe|xtest)$/]',
    message: FOCUS_MESSAGE,
  },
];

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/.nx/**',
    '**/coverage/**',
    '.infra/**',
    'bench/results/**',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // Boundaries are about project source. The .js/.mjs files are tooling (jest configs importing the
    // root jest.preset.js, the infra launcher, bench) and belong to no project's runtime graph.
    files: TS,
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },

  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': workflowRestrictedImports,
      'no-restricted-syntax': workflowRestrictedSyntax,
      'no-restricted-globals': workflowRestrictedGlobals,
    },
  },

  {
    files: TESTS,
    rules: {
      '@nx/enforce-module-boundaries': boundaries(testDepConstraints),
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-properties': testRestrictedProperties,
      'no-restricted-syntax': testRestrictedSyntax,
    },
  },

  prettier,
);
