// Lint: fast (no type information; `tsc --noEmit` does the type checking) and small.
// No `no-undef` for TypeScript: tsc already reports unknown names, and it knows WXT's
// auto-imports (defineBackground, defineContentScript, …) from .wxt/, which lint must not need.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Page and dataset text is never inserted as HTML (docs/architecture.md, "A polite guest").
const noHtmlInsertion = [
  ...['innerHTML', 'outerHTML'].map((name) => ({
    selector: `AssignmentExpression > MemberExpression.left[property.name='${name}']`,
    message: `Do not assign ${name}: build nodes (or JSX) and set textContent instead.`,
  })),
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Do not insert HTML strings: build nodes (or JSX) instead.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Do not render HTML strings: pass text to JSX instead.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
    message: 'Do not use document.write.',
  },
];

// Layers (issue #14; docs/architecture.md): each folder imports only from the layers below it,
//   entrypoints → card, components, engine, utils → rules → matching,
// and nothing imports entrypoints/. Imports between the source folders are relative, so the
// top-level folder X is reached as `../X/…` or `../../X/…`: the patterns match that. A type-only
// import is erased from the bundle, so where a layer may see another's types, the pattern allows
// them (allowTypeImports). tests/unit/meta/layers.test.ts lints snippets to prove each rule bites.
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const NO_ENTRYPOINTS = { regex: into('entrypoints'), message: 'Nothing imports entrypoints/: they are the top of the tree (move what you need into the layer it belongs to).' };
const NO_BROWSER = [
  { name: 'wxt/browser', message: 'This layer is pure: no browser API here (pass the value in, or move the code to utils/).' },
  { name: 'webextension-polyfill', message: 'This layer is pure: no browser API here.' },
];
const NO_ZOD = { name: 'zod', allowTypeImports: true, message: 'zod stays out of the page: the content script and the card carry no schema (the background checks messages). Types only.' };
const layer = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [NO_ENTRYPOINTS, ...patterns] }] },
});

const MATCHING_IS_THE_BOTTOM = 'matching/ is the bottom layer: it imports nothing above it, only the dataset types of rules/schema.ts.';

const layers = [
  layer(['matching/**'], {
    paths: [...NO_BROWSER, NO_ZOD],
    // One exception: the dataset's types from rules/schema.ts. (A pattern that allows types must
    // not overlap one that forbids them, so rules/schema is carved out of the second.)
    patterns: [
      { regex: into('engine', 'card', 'components', 'utils'), message: MATCHING_IS_THE_BOTTOM },
      { regex: '^(\\.\\./)+rules/(?!schema$)', message: MATCHING_IS_THE_BOTTOM },
      { regex: '^(\\.\\./)+rules/schema$', allowTypeImports: true, message: MATCHING_IS_THE_BOTTOM },
    ],
  }),
  layer(['rules/**'], {
    paths: NO_BROWSER,
    patterns: [{ regex: into('engine', 'card', 'components', 'utils'), message: 'rules/ (and rules/cli) import only rules/ and matching/: the dataset domain knows no page, UI or browser plumbing.' }],
  }),
  layer(['engine/**'], {
    paths: [NO_ZOD],
    patterns: [
      { regex: into('components', 'rules'), message: 'engine/ imports matching/, engine/ and utils/messages|storage only: the page engine knows no UI and no dataset.' },
      { regex: '^(\\.\\./)+utils/(?!(messages|storage)/)', message: 'engine/ imports utils/messages and utils/storage only.' },
      { regex: into('card'), allowTypeImports: true, message: 'engine/ does not load the card: it may see its types only (the session calls the card, not the engine).' },
    ],
  }),
  layer(['card/**'], { paths: [NO_ZOD] }),
  layer(['components/**'], {
    paths: NO_BROWSER,
    patterns: [
      { regex: into('engine', 'card'), message: 'components/ is Preact UI only: it imports rules/, matching/, other components and types from utils/.' },
      { regex: '^(\\.\\./)+utils/(?!storage/settings$)', allowTypeImports: true, message: 'components/ takes only types from utils/ (which hold the browser); values from browser-free modules such as utils/storage/settings.ts.' },
    ],
  }),
  layer(['utils/**'], {
    patterns: [{ regex: into('engine', 'card', 'components'), message: 'utils/ is browser plumbing: it imports rules/, matching/ and utils/, not the page engine, the card or the UI.' }],
  }),
  layer(['utils/background/**'], {
    patterns: [
      { regex: into('engine', 'card'), message: 'utils/ is browser plumbing: it imports rules/, matching/ and utils/, not the page engine or the card.' },
      { regex: '^(\\.\\./)+components/(?!.*\\.css\\?inline$)', message: 'utils/background takes only stylesheets (?inline) from components/.' },
    ],
  }),
  layer(['scripts/**', 'tests/**'], {}),
];

export default tseslint.config(
  { ignores: ['.output*/**', '**/.wxt/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': ['error', ...noHtmlInsertion],
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'prefer-const': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' },
  },
  ...layers,
  {
    // Tests build their fixtures from markup they own; the ban protects the shipped code.
    files: ['tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
