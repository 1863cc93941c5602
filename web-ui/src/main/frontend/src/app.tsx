import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, get, login, logout, setUnauthenticatedHandler } from './api';
import { ErrorBanner, Loading } from './components';
import type { Lang } from './format';
import { I18nContext, makeI18n, savedLang, saveLang, useI18n } from './i18n';
import { onLiveState, startLive, stopLive } from './live';
import { Compose } from './pages/Compose';
import { LetterList } from './pages/LetterList';
import { LetterPage } from './pages/LetterPage';
import { MeetingList } from './pages/MeetingList';
import { PollProofPage } from './pages/MeetingLive';
import { MeetingPage } from './pages/MeetingPage';
import { MinutesPage } from './pages/MinutesPage';
import { Registers } from './pages/Registers';
import { ArchivePage } from './pages/ArchivePage';
import { ImportPage } from './pages/ImportPage';
import { RecordsPage } from './pages/RecordsPage';
import { IntegrityPage } from './pages/IntegrityPage';
import { VerifyPage } from './pages/VerifyPage';
import { href, navigate, useRoute } from './router';
import type { Me } from './types';

export function App() {
  const [lang, setLang] = useState<Lang>(savedLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    saveLang(lang);
  }, [lang]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    get<Me>('/api/me').then(setMe).catch(() => setMe(null));
  }, []);

  useEffect(() => {
    if (me) startLive();
    else stopLive();
  }, [me]);

  const toggle = () => setLang(lang === 'th' ? 'en' : 'th');
  const route = useRoute();
  if (route.path[0] === 'verify' && !me) {
    // anyone may verify a signed PDF, without logging in
    return (
      <I18nContext.Provider value={i18n}>
        <div class="shell public">
          <header class="topbar">
            <div class="brand"><span class="logo" aria-hidden="true" /><strong>{i18n.t('app.name')}</strong></div>
            <nav aria-label="main" />
            <div class="who">
              <button type="button" class="link" onClick={toggle}>{i18n.t('app.switch')}</button>
              <a class="link" href={href('/inbox')}>{i18n.t('login.submit')}</a>
            </div>
          </header>
          <main><VerifyPage /></main>
        </div>
      </I18nContext.Provider>
    );
  }
  return (
    <I18nContext.Provider value={i18n}>
      {me === undefined ? <Loading /> : me === null ? <Login onLogin={setMe} toggle={toggle} /> : (
        <Shell me={me} toggle={toggle} onLogout={() => logout().finally(() => setMe(null))} />
      )}
    </I18nContext.Provider>
  );
}

function Shell({ me, toggle, onLogout }: { me: Me; toggle: () => void; onLogout: () => void }) {
  const { t } = useI18n();
  const route = useRoute();
  const [live, setLive] = useState(false);
  useEffect(() => onLiveState(setLive), []);
  const [section, id, sub] = route.path;
  const nav = (to: string, key: Parameters<typeof t>[0], active: boolean) => (
    <a href={href(to)} class={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>{t(key)}</a>
  );

  let page;
  if (section === 'letters' && id && sub === 'edit') page = <Compose me={me} letterId={id} />;
  else if (section === 'letters' && id) page = <LetterPage me={me} id={id} />;
  else if (section === 'compose') page = <Compose me={me} />;
  else if (section === 'outbox') page = <LetterList me={me} box="outbox" />;
  else if (section === 'meetings' && id && sub === 'polls' && route.path[3]) page = <PollProofPage me={me} id={id} pollId={route.path[3]} />;
  else if (section === 'meetings' && id && sub === 'minutes') page = <MinutesPage me={me} id={id} />;
  else if (section === 'meetings' && id) page = <MeetingPage key={id} me={me} id={id} roomOnly={sub === 'live'} />;
  else if (section === 'meetings') page = <MeetingList query={route.query} />;
  else if (section === 'registers') page = <Registers me={me} query={route.query} />;
  else if (section === 'verify') page = <VerifyPage />;
  else if (section === 'integrity') page = <IntegrityPage me={me} />;
  else if (section === 'archive') page = <ArchivePage />;
  else if (section === 'records') page = <RecordsPage me={me} tab={id} />;
  else if (section === 'import') page = <ImportPage />;
  else page = <LetterList me={me} box="inbox" />;

  return (
    <div class="shell">
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true" />
          <div>
            <strong>{t('app.name')}</strong>
            <small data-testid="agency">{me.agencyName}</small>
          </div>
        </div>
        <nav aria-label="main">
          {nav('/inbox', 'nav.inbox', !section || section === 'inbox')}
          {nav('/outbox', 'nav.outbox', section === 'outbox')}
          {nav('/compose', 'nav.compose', section === 'compose')}
          {nav('/registers', 'nav.registers', section === 'registers')}
          {nav('/meetings', 'nav.meetings', section === 'meetings')}
          {nav('/verify', 'nav.verify', section === 'verify')}
          {me.roles.includes('CLERK') ? nav('/import', 'nav.import', section === 'import') : null}
          {me.roles.includes('RECORDS_OFFICER') || me.roles.includes('APPROVER') ? nav('/records', 'nav.records', section === 'records') : null}
          {me.roles.includes('RECORDS_OFFICER') || me.roles.includes('ADMIN') ? (
            <>
              {nav('/archive', 'nav.archive', section === 'archive')}
              {nav('/integrity', 'nav.integrity', section === 'integrity')}
            </>
          ) : null}
        </nav>
        <div class="who">
          <span class={`live-dot${live ? ' on' : ''}`} title={live ? t('list.live') : t('list.offline')}
            data-live={live ? 'on' : 'off'} />
          <span class="person" data-testid="me">
            {me.displayName}
            <small>{me.position}</small>
          </span>
          <button type="button" class="link" onClick={toggle} lang={t('app.switch') === 'English' ? 'en' : 'th'}>
            {t('app.switch')}
          </button>
          <button type="button" class="link" onClick={onLogout}>{t('nav.logout')}</button>
        </div>
      </header>
      <main>{page}</main>
    </div>
  );
}

function Login({ onLogin, toggle }: { onLogin: (me: Me) => void; toggle: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      const me = await get<Me>('/api/me');
      if (!location.hash || location.hash === '#/') navigate('/inbox');
      onLogin(me);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login-page">
      <form class="card login" onSubmit={submit} aria-labelledby="login-title">
        <div class="brand">
          <span class="logo" aria-hidden="true" />
          <h1 id="login-title">{t('login.title')}</h1>
        </div>
        {error ? (
          error.status === 401 ? <div class="banner error" role="alert">{t('login.failed')}</div> : <ErrorBanner error={error} />
        ) : null}
        <label for="username">{t('login.username')}</label>
        <input id="username" name="username" autoComplete="username" value={username} required
          onInput={(e) => setUsername(e.currentTarget.value)} />
        <label for="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" value={password} required
          onInput={(e) => setPassword(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy}>{t('login.submit')}</button>
        <p class="hint">{t('login.demo')}</p>
        <button type="button" class="link" onClick={toggle}>{t('app.switch')}</button>
      </form>
    </div>
  );
}
