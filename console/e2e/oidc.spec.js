import { expect, test } from '@playwright/test';

// The bureau's provider is played by routes: the console must send the browser to its authorization endpoint
// for a code, with a PKCE challenge, and with the console's own callback.
const AUTHORITY = 'http://idp.bureau.test/realms/bureau';

test('with an OIDC provider configured, signing in starts the authorization code flow with a PKCE challenge', async ({ page }) => {
  await page.route('**/console/settings.json', (route) => route.fulfill({
    json: { oidc: { authority: AUTHORITY, clientId: 'muster-console', scope: 'openid profile' }, developmentRoles: [] },
  }));
  await page.route(`${AUTHORITY}/.well-known/openid-configuration`, (route) => route.fulfill({
    json: { issuer: AUTHORITY, authorization_endpoint: `${AUTHORITY}/protocol/openid-connect/auth`, token_endpoint: `${AUTHORITY}/protocol/openid-connect/token`, jwks_uri: `${AUTHORITY}/certs` },
    headers: { 'Access-Control-Allow-Origin': '*' },
  }));
  const authorization = new Promise((resolve) => page.route(`${AUTHORITY}/protocol/openid-connect/auth**`, (route) => {
    resolve(new URL(route.request().url()));
    route.fulfill({ contentType: 'text/html', body: '<h1>bureau sign-in</h1>' });
  }));

  await page.goto('/');
  await expect(page.getByRole('button', { name: /以.*身份进入/ })).toHaveCount(0);
  await page.getByRole('button', { name: '使用单位账号登录' }).click();
  const url = await authorization;

  expect(url.searchParams.get('response_type')).toBe('code');
  expect(url.searchParams.get('client_id')).toBe('muster-console');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(url.searchParams.get('redirect_uri')).toMatch(/\/console\/signin-callback$/);
  expect(url.searchParams.get('scope')).toBe('openid profile');
});
