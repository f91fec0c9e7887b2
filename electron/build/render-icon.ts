// Renders assets/icon.svg to assets/icon.png (512×512, transparent corners) with the installed Chromium, so the
// app icon needs no image package. electron-builder makes the Windows .ico, the macOS .icns and the Linux icon
// sizes from this PNG. Run again after changing the SVG: `npx tsx electron/build/render-icon.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const ICON_SIZE = 512;

const assetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets');

export async function renderIcon(svgPath: string, pngPath: string, size = ICON_SIZE): Promise<void> {
  const svg = readFileSync(svgPath, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(pngPath, await page.screenshot({ omitBackground: true, type: 'png' }));
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await renderIcon(path.join(assetsDir, 'icon.svg'), path.join(assetsDir, 'icon.png'));
  console.log(`wrote ${path.join(assetsDir, 'icon.png')}`);
}
