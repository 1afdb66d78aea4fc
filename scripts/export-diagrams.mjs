// Exports every BPMN diagram under processes/ to docs/diagrams/<file>.svg, drawn by bpmn-js (the
// renderer of Camunda Modeler) in headless Chromium. Run: npm ci && npm run export:diagrams
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const viewer = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const out = 'docs/diagrams';

function models(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return models(path);
    return name.endsWith('.bpmn') ? [path] : [];
  });
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
  const page = await browser.newPage();
  await page.setContent('<div id="canvas" style="width:1600px;height:1000px"></div>');
  await page.addScriptTag({ path: viewer });
  for (const file of models('processes').sort()) {
    const xml = readFileSync(file, 'utf8');
    const svg = await page.evaluate(async source => {
      const bpmn = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await bpmn.importXML(source);
      if (warnings.length) throw new Error(warnings.map(w => w.message).join('; '));
      const { svg } = await bpmn.saveSVG();
      bpmn.destroy();
      return svg;
    }, xml);
    const target = join(out, basename(file, '.bpmn') + '.svg');
    writeFileSync(target, svg + '\n');
    console.log(`${file} -> ${target}`);
  }
} finally {
  await browser.close();
}
