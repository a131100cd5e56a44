// ESLint (make test-lint): the recommended rules over the front end (web/, ES modules in the browser; its build
// scripts in Node), its tests (tests/web/, Node) and the tools in Node (tools/*.mjs).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['web/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        ...globals.browser,
        // The engines' Emscripten factories: each page's engine script, which comes after the page's own.
        createYibaoEngine: 'readonly', createYibaoBatch: 'readonly', createYibaoWorkbench: 'readonly',
        // web/boot.js's: each page's first script, which starts the engine's compile.
        YibaoBoot: 'readonly',
      },
    },
  },
  // web/boot.js: a classic script of its own, so that its global YibaoBoot is the other scripts'.
  { files: ['web/boot.js'], languageOptions: { sourceType: 'script', globals: { YibaoBoot: 'off' } } },
  // The embedding kit's script, for other sites' pages: a classic script.
  { files: ['web/embed-host.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
  { files: ['web/*.mjs', 'tests/web/*.mjs', 'tools/*.mjs'], languageOptions: { sourceType: 'module', globals: globals.node } },
  // Functions the tests hand to the browser (page.evaluate, addInitScript) run there.
  { files: ['tests/web/*.mjs'], languageOptions: { globals: globals.browser } },
];
