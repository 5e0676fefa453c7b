import { expect, test } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

test('a logistics officer allocates and ships a supply request', async ({ page, request }) => {
  const note = `师庄乡安置点（端到端测试 ${Date.now()}）`;
  const partner = await apiAs(request, 'partner');
  await partner(`mutation($input: RequestSuppliesInput!) { requestSupplies(input: $input) { request { id } errors { message } } }`, {
    input: { lines: [{ itemCode: '1010101', quantity: 40 }], deliverTo: { lat: 36.561, lon: 111.711 }, priority: 'URGENT', note },
  });

  await signInAs(page, '物资保障');
  const card = page.getByRole('listitem', { name: /需求单/ }).filter({ hasText: note });
  await expect(card.getByText('待审批')).toBeVisible();
  await shot(page, '04-logistics-queue');
  await card.getByRole('button', { name: '分配物资' }).click();
  await expect(card.getByText('已分配')).toBeVisible();
  await expect(card.getByText(/分配: .*1010101 × 40/)).toBeVisible();

  await card.getByRole('button', { name: '发运' }).click(); // no vehicle yet: the API's message next to the field
  await expect(card.getByRole('alert').first()).toBeVisible();
  await card.getByLabel('车辆').fill('晋L·A1234');
  await card.getByLabel('司机').fill('王师傅');
  await card.getByRole('button', { name: '发运' }).click();
  await expect(card.getByText('运输中')).toBeVisible();
  await expect(card.getByText(/车辆 晋L·A1234/)).toBeVisible();
  await shot(page, '05-logistics-shipped');
});
