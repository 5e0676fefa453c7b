import { expect, test } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

test('a commander drills the mine gas explosion plan, plays it under the 演练 band, ends it and reads the after-action report', async ({ page, request }) => {
  const real = await apiAs(request, 'commander');
  const before = await real('{ incidents(first: 1) { totalCount } }');

  await signInAs(page, '指挥');
  await page.getByRole('navigation', { name: '功能' }).getByRole('button', { name: '演练', exact: true }).click();
  const start = page.getByRole('form', { name: '开始演练' });
  const plan = await start.getByRole('option', { name: /^煤矿瓦斯爆炸 II 级响应/ }).textContent();
  await start.getByLabel('预案').selectOption({ label: plan });
  await start.getByLabel('演练名称').fill('演练：辛置煤矿瓦斯爆炸');
  await start.getByLabel('事发纬度').fill('36.49');
  await start.getByLabel('事发经度').fill('111.725');
  await start.getByRole('button', { name: '开始演练' }).click();

  // The exercise incident opens in the incident room, under the band that marks every screen of the drill.
  const band = page.getByRole('region', { name: '演练标识' });
  await expect(band).toContainText('演练');
  await expect(band).toContainText('演练：辛置煤矿瓦斯爆炸');
  const room = page.getByRole('complementary', { name: '事件处置' });
  await expect(room.getByRole('heading', { level: 2, name: /演练：辛置煤矿瓦斯爆炸/ })).toBeVisible();
  await room.getByRole('button', { name: '生成调度方案' }).click();
  await expect(room.getByRole('region', { name: '调度方案' }).locator('li').first()).toBeVisible();
  await room.getByRole('button', { name: '批准调度' }).click();
  await expect(room.getByText('处置中')).toBeVisible();
  await shot(page, 'drill-01-incident-room');
  await page.getByRole('navigation', { name: '功能' }).getByRole('button', { name: '值班台' }).click();
  await expect(band).toContainText('演练：辛置煤矿瓦斯爆炸');

  await band.getByRole('button', { name: '结束演练' }).click();
  await band.getByRole('button', { name: '确认结束演练并生成总结' }).click();
  const report = page.getByRole('region', { name: '演练总结' });
  await expect(report.getByRole('table', { name: '各环节用时' })).toContainText('演练：辛置煤矿瓦斯爆炸');
  await expect(report.getByRole('table', { name: '对照预案' })).toContainText('mine-rescue');
  await expect(page.getByRole('region', { name: '演练标识' })).toHaveCount(0);
  await shot(page, 'drill-02-after-action');

  // Nothing real happened: the real register has no new incident.
  expect((await real('{ incidents(first: 1) { totalCount } }')).incidents.totalCount).toBe(before.incidents.totalCount);
});
