import { expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SHOTS = new URL('../../.muster/e2e/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

export async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}

/** Signs in through the development role picker, as a person at this machine does. */
export async function signInAs(page, roleName) {
  await page.goto('/');
  await page.getByRole('button', { name: `以${roleName}身份进入` }).click();
  await expect(page.getByRole('status', { name: '实时连接' })).toHaveText('实时连接正常');
}

/** Clicks the map at a coordinate (the map says where that is on screen). */
export async function clickMapAt(page, lon, lat) {
  await page.waitForFunction(() => window.musterMap?.loaded());
  const box = await page.getByRole('region', { name: '地图' }).boundingBox();
  const at = await page.evaluate(([x, y]) => window.musterMap.project([x, y]), [lon, lat]);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

/** A token for a role from the same picker endpoint, for setting up data through the API. */
export async function apiAs(request, role) {
  const { token } = await (await request.post('/console/development-token', { form: { role } })).json();
  return async (query, variables) => {
    const response = await request.post('/graphql', { data: { query, variables }, headers: { Authorization: `Bearer ${token}` } });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}
