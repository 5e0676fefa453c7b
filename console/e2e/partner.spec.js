import { expect, test } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

test('a partner sees only its own agency units and depots', async ({ page, request }) => {
  const commander = await apiAs(request, 'commander');
  const all = (await commander(`{ units(first: 100) { totalCount items { name agency { name } } } }`)).units;
  const own = all.items.filter((u) => u.agency.name === '霍州市红十字会');
  const others = all.items.filter((u) => u.agency.name !== '霍州市红十字会');
  expect(own.length).toBeGreaterThan(0);

  await signInAs(page, '协作单位');
  await expect(page.getByRole('heading', { name: '霍州市红十字会', exact: true })).toBeVisible();
  const units = page.getByRole('region', { name: '本单位队伍' });
  await expect(units.getByRole('listitem')).toHaveCount(own.length);
  for (const u of own) await expect(units.getByText(u.name)).toBeVisible();
  for (const u of others.slice(0, 5)) await expect(page.getByText(u.name)).toHaveCount(0);

  const depots = page.getByRole('region', { name: '本单位库点与库存' });
  await expect(depots.getByRole('article')).toHaveCount(1);
  await expect(depots.getByRole('article', { name: '霍州市红十字会备灾仓库' })).toBeVisible();
  await expect(page.getByRole('button', { name: '指挥地图' })).toHaveCount(0);

  await units.getByLabel(`${own[0].name} 的状态`).selectOption('OUT_OF_SERVICE');
  await expect(units.getByLabel(`${own[0].name} 的状态`)).toHaveValue('OUT_OF_SERVICE');
  await shot(page, '06-partner');
});
