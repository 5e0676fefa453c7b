import { expect, test } from '@playwright/test';
import { shot, signInAs } from './support.js';

test('a lost live connection is shown and recovers by itself', async ({ page, context }) => {
  await signInAs(page, '指挥');
  const sign = page.getByRole('status', { name: '实时连接' });
  await context.setOffline(true);
  await expect(sign).toHaveText('实时连接已断开，正在重连…');
  await shot(page, '07-live-lost');
  await context.setOffline(false);
  await expect(sign).toHaveText('实时连接已恢复', { timeout: 15_000 });
});
