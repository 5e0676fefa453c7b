import { useEffect, useState } from 'react';
import { completeOidcSignIn, developmentSignIn, oidcSignIn, settings } from '../lib/auth.js';
import { navigate } from '../lib/router.js';
import { currentLanguage, setLanguage, useT } from '../lib/i18n/i18n.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';

/** Sign-in: the bureau's OpenID Connect provider; in Development on this machine, a role picker too. */
export function SignIn({ callback }) {
  const t = useT();
  const [config, setConfig] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { settings().then(setConfig, (e) => setError(e.message)); }, []);
  useEffect(() => {
    if (callback && config?.oidc) completeOidcSignIn(config.oidc).catch((e) => setError(e.message));
  }, [callback, config]);

  const pick = (role) => developmentSignIn(role).then(() => navigate('/console/'), (e) => setError(e.message));
  return (
    <main className="signin">
      <h1>{t('app.title')}</h1>
      <p>{t('signin.intro')}</p>
      <Loading when={!config && !error} />
      {config?.oidc && <button type="button" className="primary" onClick={() => oidcSignIn(config.oidc)}>{t('signin.oidc')}</button>}
      {config?.developmentRoles?.length > 0 && (
        <section aria-label={t('signin.development')}>
          <h2>{t('signin.development')}</h2>
          <p className="hint">{t('signin.developmentHint')}</p>
          {config.developmentRoles.map((role) => (
            <button key={role} type="button" onClick={() => pick(role)}>{t('signin.as', { role: t(`role.${role}`) })}</button>
          ))}
        </section>
      )}
      {config && !config.oidc && !config.developmentRoles?.length && <p>{t('signin.none')}</p>}
      <GeneralErrors general={error ? [error] : []} />
      <button type="button" className="link" onClick={() => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}>{t('language.switch')}</button>
    </main>
  );
}
