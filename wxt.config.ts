import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { hostPermissionFor, resolveApiBase } from './lib/api-base';

// Fails the build with a clear sentence when the URL is not acceptable.
const apiBase = resolveApiBase(process.env.WXT_AFFINITY_API_URL);

export default defineConfig({
  // Lets a second build (a benchmark, a parallel check) write elsewhere without clobbering the main one.
  outDir: process.env.LENS_OUT_DIR ?? '.output',
  zip: {
    // The sources archive Firefox reviewers rebuild from: what the build needs and the README, not
    // tests, the sandbox, benchmarks or anything a run left behind.
    excludeSources: [
      'bench/**',
      'bench-output/**',
      'demo-output/**',
      'e2e/**',
      'sandbox/**',
      'scripts/**',
      'tests/**',
      'lib/affinity/fixtures/**',
      '**/*.log',
      '**/test-*.ts',
      '**/testing.ts',
      '**/fake-*.ts',
      '**/fixture-*.ts',
      '**/sim.ts',
      'vitest*.config.ts',
    ],
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_AFFINITY_API_URL': JSON.stringify(apiBase) },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Affinity Lens',
    description: "See a person's Affinity CRM details wherever their name appears.",
    // Why each permission is there: README, "Permissions".
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: [hostPermissionFor(apiBase)],
    // The card UI, loaded by the content script on first use; by a per-session URL only, so that
    // no page can probe for the extension through it.
    web_accessible_resources: [
      { resources: ['card-ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ],
    commands: {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Look up the selected text in Affinity',
      },
      // Opens the popup's search. Alt+Shift+A is Chrome's own "focus inactive dialogs".
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Search people in Affinity',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'affinity-lens@affinity-lens.dev',
              strict_min_version: '140.0',
              // What leaves the browser, for Firefox's consent screen (README, "Privacy"): the key,
              // to Affinity; the user's searches and the text they select for a lookup, to Affinity.
              data_collection_permissions: {
                required: ['authenticationInfo', 'searchTerms', 'websiteContent'],
              },
            },
            // Firefox for Android reads that consent key from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
