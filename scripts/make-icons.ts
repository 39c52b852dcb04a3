/** Renders public/icon.svg to the PNG sizes the stores ask for, in Chromium. Run after editing the SVG. */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { ensureChromium } from './chromium';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile('public/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Wrote public/icon/{${SIZES.join(',')}}.png`);
