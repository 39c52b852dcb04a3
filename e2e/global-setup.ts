/**
 * Once per E2E run: find Chromium, start the sandbox Affinity, build the extension against it.
 * Tests receive the addresses through Vitest's provide/inject.
 */
import type { TestProject } from 'vitest/node';
import { buildExtension } from '../scripts/build-extension';
import { ensureChromium } from '../scripts/chromium';
import { startSandbox } from '../sandbox/server';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    extensionDir: string;
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  const port = Number(process.env.E2E_SANDBOX_PORT ?? 4123);
  const sandbox = await startSandbox({ port, people: 10_000 });
  // Overridable so that two runs on one machine do not rebuild under each other's browser.
  const extensionDir = buildExtension(sandbox.url, process.env.E2E_OUT_DIR ?? '.output/e2e');
  project.provide('sandboxUrl', sandbox.url);
  project.provide('extensionDir', extensionDir);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await sandbox.close();
  };
}
