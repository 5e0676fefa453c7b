import { expect, test } from '@playwright/test';
import { clickMapAt, shot, signInAs } from './support.js';

test('a commander reports an incident by clicking the map, proposes, sees lines and reasons, approves and sees units turn assigned', async ({ page }) => {
  await signInAs(page, '指挥');
  await expect(page.getByRole('region', { name: '地图' })).toHaveAttribute('data-ready', 'true');
  await shot(page, '01-commander-map');

  await page.getByRole('button', { name: '在地图上报告事件' }).click();
  await clickMapAt(page, 111.725, 36.49); // by the Xinzhi coal mine
  const form = page.getByRole('form', { name: '报告事件' });
  await form.getByLabel('事件类型').selectOption('MINE_GAS_EXPLOSION');
  await form.getByLabel('响应级别').selectOption('III');
  await form.getByRole('button', { name: '报告' }).click();
  await expect(form.getByRole('alert')).toBeVisible(); // no title: the API's message is shown by the field
  await form.getByLabel('标题').fill('辛置煤矿瓦斯爆炸（演练）');
  await form.getByRole('button', { name: '报告' }).click();

  const room = page.getByRole('complementary', { name: '事件处置' });
  await expect(room.getByRole('heading', { level: 2, name: /辛置煤矿瓦斯爆炸/ })).toBeVisible();
  await room.getByRole('button', { name: '生成调度方案' }).click();
  const proposal = room.getByRole('region', { name: '调度方案' });
  await expect(proposal.locator('.reason').first()).not.toBeEmpty();
  await expect(page.getByTestId('eta-label').first()).toBeVisible();
  // What is proposed is what can be left out (the cost note and shortfalls below it are lists too).
  const proposed = await proposal.getByRole('listitem').filter({ has: page.getByRole('checkbox') }).count();
  expect(proposed).toBeGreaterThan(0);
  await expect(page.getByTestId('eta-label')).toHaveCount(proposed);
  await shot(page, '02-incident-proposal');

  // Leave the first unit out and ask again: the next one comes instead.
  const firstUnit = proposal.getByRole('listitem').first();
  await expect(firstUnit.getByText('待命')).toBeVisible();
  const leftOut = await firstUnit.locator('strong').innerText();
  await proposal.getByRole('checkbox', { name: `不派 ${leftOut}` }).check();
  await room.getByRole('button', { name: '重新生成方案' }).click();
  await expect(proposal.getByRole('checkbox', { name: `不派 ${leftOut}` })).toHaveCount(0);
  await expect(proposal.locator('li strong', { hasText: leftOut })).toHaveCount(0);
  await room.getByRole('button', { name: '批准调度' }).click();
  const assigned = room.getByRole('region', { name: '已派遣队伍' });
  await expect(assigned.getByText('已派遣').first()).toBeVisible();
  await expect(assigned.getByText('待命')).toHaveCount(0);
  await expect(room.getByText('处置中')).toBeVisible();
  await expect(room.getByRole('region', { name: '时间线' }).getByText('批准调度')).toBeVisible();
  await shot(page, '03-incident-approved');

  // Replay: early in the incident's life it was only reported, nobody assigned yet.
  const replay = room.getByRole('region', { name: '回放' });
  await replay.getByRole('slider', { name: '回放时间' }).fill('1');
  await expect(replay.getByText(/^已报告 · /)).toBeVisible();
  await replay.getByRole('button', { name: '回到实时' }).click();
});
