// Takes the README's screenshots from a running demo (./mvnw spring-boot:run, demo data on) in headless
// Chromium: a collector's Tasklist, the receivables dashboard, and a manager's credit insurance declaration.
// Run: npm ci && npm run screenshots   (ENCAISSE_URL, default http://localhost:8080)
// ENCAISSE_PORTAL_LINK: a customer's portal link from a letter the demo sent (with a mail catcher on port 1025),
// for the screenshot of the customer portal.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.ENCAISSE_URL || 'http://localhost:8080';
const out = 'docs/screenshots';
const viewport = { width: 1366, height: 800 };

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
  const tasklist = await browser.newPage({ viewport, locale: 'fr-FR' });
  await tasklist.goto(`${base}/camunda/app/tasklist/default/`);
  await tasklist.fill('input[type=text]', 'marie');
  await tasklist.fill('input[type=password]', 'demo');
  await tasklist.click('button[type=submit]');
  await tasklist.locator('li.task').first().click();
  // The task's form and the case's briefing, as a collector opens the first call of the day.
  await tasklist.waitForSelector('.task-details form', { timeout: 30000 });
  await tasklist.waitForTimeout(1500);
  await tasklist.screenshot({ path: `${out}/tasklist.png` });
  console.log(`${out}/tasklist.png`);

  const context = await browser.newContext({ viewport, locale: 'fr-FR',
    httpCredentials: { username: 'claire', password: 'demo' } });
  const dashboard = await context.newPage();
  await dashboard.goto(`${base}/app/dashboard.html`);
  await dashboard.waitForSelector('body[data-state=ready]', { timeout: 30000 });
  await dashboard.screenshot({ path: `${out}/dashboard.png` });
  console.log(`${out}/dashboard.png`);

  // The demo's Atradius customer, five days from its declaration deadline, in the managers' list.
  const manager = await browser.newPage({ viewport, locale: 'fr-FR' });
  await manager.goto(`${base}/camunda/app/tasklist/default/`);
  await manager.fill('input[type=text]', 'claire');
  await manager.fill('input[type=password]', 'demo');
  await manager.click('button[type=submit]');
  await manager.getByText('Décisions à prendre').first().click();
  await manager.locator('li.task', { hasText: "Déclarer l'impayé à l'assureur" }).first().click();
  await manager.waitForSelector('.task-details form', { timeout: 30000 });
  await manager.waitForTimeout(1500);
  await manager.screenshot({ path: `${out}/insurance-declaration.png` });
  console.log(`${out}/insurance-declaration.png`);

  if (process.env.ENCAISSE_PORTAL_LINK) {
    const portal = await browser.newPage({ viewport, locale: 'fr-FR' });
    await portal.goto(process.env.ENCAISSE_PORTAL_LINK);
    await portal.waitForSelector('body[data-state=ready]', { timeout: 30000 });
    await portal.screenshot({ path: `${out}/portal.png` });
    console.log(`${out}/portal.png`);
  }
} finally {
  await browser.close();
}
