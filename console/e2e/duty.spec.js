import { expect, test } from '@playwright/test';
import { shot, signInAs } from './support.js';

// The demo roster (seed-data/duty-roster.json) puts the console's demo commander on every shift.
test('a commander sees who is on duty and hands over to the next shift, which acknowledges', async ({ page }) => {
  await signInAs(page, '指挥');
  await page.getByRole('navigation', { name: '功能' }).getByRole('button', { name: '值班台' }).click();

  const now = page.getByRole('region', { name: '当前值班' });
  await expect(now.getByText(/^值班领导/)).toBeVisible();
  await expect(now.getByText('演示值班员（控制台指挥）')).toBeVisible();
  await expect(now.getByText('您在本班')).toBeVisible();
  await expect(page.getByRole('region', { name: '下一班' }).getByText(/^值班领导/)).toBeVisible();
  await expect(page.getByRole('region', { name: '待交接事项' })).toBeVisible();
  await shot(page, 'duty-desk');

  const handover = page.getByRole('form', { name: '交班' });
  await handover.getByRole('textbox', { name: '交班说明' }).fill('夜间无新增警情，白龙镇山体滑坡隐患点继续巡查');
  await handover.getByRole('button', { name: '交班' }).click();
  await expect(page.getByRole('region', { name: '交班' }).getByRole('status')).toContainText('console-commander 已于');

  const acknowledgement = page.getByRole('region', { name: '接班确认' });
  await acknowledgement.getByRole('button', { name: '确认接班' }).click();
  await expect(page.getByRole('region', { name: '交班' })).toContainText('console-commander 已于');
  await expect(page.getByRole('region', { name: '交班' })).toContainText('确认接班');
  await shot(page, 'duty-desk-handed-over');
});
