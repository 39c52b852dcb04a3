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
});
