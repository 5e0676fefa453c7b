import { expect, test } from '@playwright/test';
import { apiAs, shot, signInAs } from './support.js';

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } errors { message } } }`;

test('a commander sees the townships outlined on the map, hides them, and in an incident room reads the township and whom to call', async ({ page, request }) => {
  await signInAs(page, '指挥');
  const map = page.getByRole('region', { name: '地图' });
  await expect(map).toHaveAttribute('data-ready', 'true');

  // The approximate areas (derived from the township seats) are drawn dashed, with their names.
  await expect(map.getByText('白龙镇', { exact: true })).toBeVisible();
  await expect(map.getByText('辛置镇', { exact: true })).toBeVisible();
  const drawn = () => page.evaluate(() => window.musterMap.querySourceFeatures('jurisdictions').map((f) => `${f.properties.name}:${f.properties.approximate}`));
  await expect.poll(drawn).toContain('白龙镇:true');
  await expect.poll(drawn).toContain('霍州市:false');
  await shot(page, 'jurisdictions-01-map');

  const toggle = page.getByRole('checkbox', { name: '辖区（安全监管网络）' });
  await toggle.uncheck();
  await expect(map.getByText('白龙镇', { exact: true })).toBeHidden();
  expect(await page.evaluate(() => window.musterMap.getLayoutProperty('jurisdictions-approximate', 'visibility'))).toBe('none');
  await toggle.check();
  await expect(map.getByText('白龙镇', { exact: true })).toBeVisible();

  const gql = await apiAs(request, 'commander');
  const reported = await gql(REPORT, { input: { kind: 'MINE_FLOODING', level: 'III', title: '白龙煤矿透水（演练）', location: { lat: 36.521, lon: 111.683 } } });
  await page.goto(`/console/map/incident/${encodeURIComponent(reported.reportIncident.incident.id)}`);

  const room = page.getByRole('complementary', { name: '事件处置' });
  const jurisdiction = room.getByRole('region', { name: '属地' });
  await expect(jurisdiction.getByText('白龙镇（霍州市）')).toBeVisible();
  await expect(jurisdiction.getByText('范围为按驻地推算的近似范围')).toBeVisible();
  const persons = jurisdiction.getByRole('list', { name: '应通知的责任人' });
  await expect(persons.getByRole('listitem')).toHaveCount(4);
  await expect(persons.getByRole('link', { name: '0357-0006001' })).toHaveAttribute('href', 'tel:0357-0006001');
  await expect(persons.getByText(/分管安全副镇长/)).toBeVisible();
  await shot(page, 'jurisdictions-02-incident-room');
});
