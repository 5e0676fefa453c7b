import { test, expect } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

// The hazard ledger in the browser: the map's risk-coloured hazard layer with its legend and toggle, and the list of
// overdue rectifications that a newly overdue danger joins live (test.sh has the overdue job look every 5 s).
test('a commander sees hazard sites by risk colour and an overdue rectification appear live', async ({ page, request }) => {
  test.setTimeout(150_000);
  const commander = await apiAs(request, 'commander');
  const sites = await commander('query { hazardSites(first: 100) { items { id name riskLevel } } }');
  const site = sites.hazardSites.items.find((s) => s.riskLevel === 'RED') ?? sites.hazardSites.items[0];
  expect(site, 'the demo ledger is loaded').toBeTruthy();

  await signInAs(page, '指挥');
  const legend = page.getByRole('region', { name: '图例与图层' });
  const toggle = page.getByRole('checkbox', { name: '风险隐患点（按风险等级着色）' });
  await expect(toggle).toBeChecked();
  await expect(legend.getByRole('list', { name: '风险等级' }).getByText('红色 重大风险')).toBeVisible();
  await page.waitForFunction(() => window.musterMap?.loaded() && window.musterMap.querySourceFeatures('hazards').length > 0);
  const colours = await page.evaluate(() => [...new Set(window.musterMap.querySourceFeatures('hazards').map((f) => f.properties.riskLevel))]);
  expect(colours).toContain('RED');
  expect(await page.evaluate(() => window.musterMap.getLayoutProperty('hazards', 'visibility'))).not.toBe('none');
  await shot(page, 'hazards-map');
  await toggle.uncheck();
  expect(await page.evaluate(() => window.musterMap.getLayoutProperty('hazard-lines', 'visibility'))).toBe('none');

  await page.getByRole('button', { name: '风险隐患台账' }).click();
  const overdue = page.getByRole('region', { name: '逾期未整改隐患' });
  const description = `e2e 隐患 ${Date.now()}`;
  const deadline = new Date(Date.now() + 4000).toISOString();
  await commander(`mutation($input: ReportHiddenDangerInput!) { reportHiddenDanger(input: $input) { errors { message } } }`,
    { input: { siteId: site.id, description, severity: 'MAJOR', deadline, responsiblePerson: '安全副矿长（示例）' } });
  await expect(overdue.getByRole('cell', { name: description })).toHaveCount(0);
  // No reload: the row arrives through the rectificationOverdue subscription once the job has run.
  await expect(overdue.getByRole('cell', { name: description })).toBeVisible({ timeout: 90_000 });
  await shot(page, 'hazards-overdue');
});
