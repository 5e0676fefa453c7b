import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { apiAs, shot, signInAs } from './support.js';

test('a commander files the initial report drafted from the incident and downloads its PDF', async ({ page, request }) => {
  const api = await apiAs(request, 'commander');
  const title = `李曹镇某煤矿透水（报告演练 ${Date.now() % 100000}）`;
  const { reportIncident } = await api(
    'mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } errors { message } } }',
    { input: { kind: 'MINE_FLOODING', level: 'III', title, location: { lat: 36.52, lon: 111.75 } } },
  );
  await signInAs(page, '指挥');
  await page.goto(`/console/map/incident/${encodeURIComponent(reportIncident.incident.id)}`);

  const reports = page.getByRole('complementary', { name: '事件处置' }).getByRole('region', { name: '信息报告' });
  await expect(reports.getByText('尚未报送报告。')).toBeVisible();
  await expect(reports.getByText(/首报: 书面报告时限/)).toBeVisible();
  const draft = reports.getByRole('form', { name: '报告草稿' });
  await expect(draft.getByLabel('事件概况')).toHaveValue(new RegExp(title.replace(/[()（）]/g, '.')));
  await draft.getByLabel('被困').fill('4');
  await draft.getByLabel('下一步工作').fill('继续排水，组织矿山救护队搜救被困人员，按时续报。');
  await shot(page, 'reports-01-draft');
  await draft.getByRole('button', { name: '报送首报' }).click();

  const filed = reports.getByRole('list', { name: '已报送的报告' });
  await expect(filed.getByText('首报', { exact: true })).toBeVisible();
  await expect(filed.getByRole('button', { name: '复制首报文本' })).toBeVisible();
  await expect(reports.getByText(/续报: 书面报告时限/)).toBeVisible();
  await shot(page, 'reports-02-filed');

  const downloading = page.waitForEvent('download');
  await filed.getByRole('button', { name: '下载首报 PDF' }).click();
  const download = await downloading;
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('李曹镇某煤矿透水');
  expect(text).toContain('被困4人');
  expect(text).toContain('继续排水');
});
