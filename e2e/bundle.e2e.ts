/**
 * The content script runs on every page a person opens: its size is a budget (DESIGN: ≤ 30 KB
 * gzipped), held here on the very build the other E2E tests load.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const BUDGET_BYTES = 30 * 1024;

describe('the built content script', () => {
  it('stays within 30 KB gzipped', async () => {
    const source = await readFile(join(inject('extensionDir'), 'content-scripts', 'content.js'));
    const gzipped = gzipSync(source, { level: 9 }).length;
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped, `content script is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries no schema library or HTTP client (those stay in the background)', async () => {
    const source = await readFile(join(inject('extensionDir'), 'content-scripts', 'content.js'), 'utf8');
    expect(source).not.toMatch(/ZodError|\$ZodType/);
    expect(source).not.toMatch(/ky\.create|HTTPError/);
  });

  it('leaves the card UI to a script loaded on first use, reachable by pages only through a per-session URL', async () => {
    const dir = inject('extensionDir');
    const content = await readFile(join(dir, 'content-scripts', 'content.js'), 'utf8');
    const cardUi = await readFile(join(dir, 'card-ui.js'), 'utf8');
    // The card's styles (a custom property of its design tokens) travel with the card UI alone.
    expect(cardUi).toContain('--lens-bg');
    expect(content).not.toContain('--lens-bg');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      web_accessible_resources: unknown;
    };
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['card-ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });
});
