import { expect, test } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

// Readiness in the browser: the coverage layer on the commander's map (green rings reached in time, red not), and in
// the incident room what a proposal costs the rest of the city's coverage, before → after, with the places it leaves.
test('a commander maps mine rescue coverage and sees what a dispatch would cost the rest of the city', async ({ page, request }) => {
  const commander = await apiAs(request, 'commander');
  const expected = (await commander('query { coverage(capability: "mine-rescue", withinSeconds: 900) { coveredShare uncovered { name } points { name } } }')).coverage;
  expect(expected.points.length, 'the demo hazard sites and seats are loaded').toBeGreaterThan(10);

  await signInAs(page, '指挥');
  const panel = page.getByRole('region', { name: '覆盖分析' });
  await panel.getByRole('checkbox', { name: '覆盖分析（风险点与乡镇驻地）' }).check();
  await expect(panel.getByLabel('能力')).toHaveValue('mine-rescue');
  const result = panel.getByRole('status', { name: '覆盖结果' });
  await expect(result).toContainText(`覆盖率 ${Math.round(expected.coveredShare * 1000) / 10}%`);
  if (expected.uncovered.length > 0) await expect(result).toContainText(expected.uncovered[0].name);
  await page.waitForFunction((n) => window.musterMap?.getSource('coverage') && window.musterMap.querySourceFeatures('coverage').length > 0, expected.points.length);
  const kinds = await page.evaluate(() => [...new Set(window.musterMap.querySourceFeatures('coverage').map((f) => String(f.properties.covered)))]);
  expect(kinds.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.musterMap.getLayoutProperty('coverage', 'visibility'))).toBe('visible');
  await shot(page, 'coverage-map');

  // A shorter limit covers no more; an impossible one is refused where it is typed.
  await panel.getByLabel('时限（分钟）').fill('5');
  const short = (await commander('query { coverage(capability: "mine-rescue", withinSeconds: 300) { coveredShare } }')).coverage;
  await expect(result).toContainText(`覆盖率 ${Math.round(short.coveredShare * 1000) / 10}%`);
  await panel.getByLabel('时限（分钟）').fill('0');
  await expect(panel.getByRole('alert')).toHaveText('时限须在 1 至 240 分钟之间');

  // An explosion at the Xinzhi mine: the proposal says what sending its mine rescue teams leaves uncovered.
  const reported = await commander(`mutation { reportIncident(input: { kind: MINE_GAS_EXPLOSION, level: III, location: { lat: 36.489, lon: 111.725 }, title: "辛置煤矿瓦斯爆炸（覆盖演示）" }) { incident { id } } }`);
  await page.goto(`/console/map/incident/${encodeURIComponent(reported.reportIncident.incident.id)}`);
  const room = page.getByRole('complementary', { name: '事件处置' });
  await room.getByRole('button', { name: '生成调度方案' }).click();
  const cost = room.getByRole('note', { name: '调度代价（对全市覆盖的影响）' });
  await expect(cost).toContainText(/mine-rescue 15 分钟内覆盖（按权重）：[\d.]+% → [\d.]+%/);
  await shot(page, 'coverage-cost');
});
