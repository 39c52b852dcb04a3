/**
 * Once per E2E run: find Chromium and Firefox, start the sandbox Affinity, build the extension for
 * both against it. Tests receive the addresses through Vitest's provide/inject.
 */
import type { TestProject } from 'vitest/node';
import { buildExtension } from '../scripts/build-extension';
import { ensureChromium } from '../scripts/chromium';
import { ensureFirefox } from '../scripts/firefox';
import { startSandbox } from '../sandbox/server';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    extensionDir: string;
    chromiumPath: string;
    firefoxAddonDir: string;
    firefoxPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  const firefoxPath = ensureFirefox();
  const port = Number(process.env.E2E_SANDBOX_PORT ?? 4123);
  const sandbox = await startSandbox({ port, people: 10_000 });
  // Overridable so that two runs on one machine do not rebuild under each other's browser.
  const outDir = process.env.E2E_OUT_DIR ?? '.output/e2e';
  const extensionDir = buildExtension(sandbox.url, outDir);
  const firefoxAddonDir = buildExtension(sandbox.url, outDir, 'firefox');
  project.provide('sandboxUrl', sandbox.url);
  project.provide('extensionDir', extensionDir);
  project.provide('chromiumPath', chromiumPath);
  project.provide('firefoxAddonDir', firefoxAddonDir);
  project.provide('firefoxPath', firefoxPath);
  return async () => {
    await sandbox.close();
  };
}
