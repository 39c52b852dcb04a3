import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { hostPermissionFor, resolveApiBase } from './lib/api-base';

// Fails the build with a clear sentence when the URL is not acceptable.
const apiBase = resolveApiBase(process.env.WXT_AFFINITY_API_URL);

export default defineConfig({
  // Lets a second build (a benchmark, a parallel check) write elsewhere without clobbering the main one.
  outDir: process.env.LENS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_AFFINITY_API_URL': JSON.stringify(apiBase) },
  }),
  manifest: ({ browser }) => ({
    name: 'Affinity Lens',
    description: "See a person's Affinity CRM details wherever their name appears.",
    // activeTab: the popup reads the current tab's site for its on/off switch (no install warning).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'activeTab'],
    host_permissions: [hostPermissionFor(apiBase)],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'affinity-lens@affinity-lens.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
