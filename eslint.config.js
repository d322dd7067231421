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
  {
    // Tests build their fixtures from markup they own; the ban protects the shipped code.
    files: ['tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
