/** The signed-in frame: a top bar (brand, main navigation, connection, who is signed in) and the page. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { Role } from '../../../shared/roles.ts';
import { signOut } from '../api/session.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { performanceNav } from '../pages/performance/routes.tsx';
import { useStore } from '../store/index.ts';
import { getProvider, resetProvider } from '../yjs/connection.ts';
import { clearLocalCopies } from '../yjs/localCopy.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';

const NAV: Array<{
  to: string;
  label: 'meetings' | 'commitments' | 'objectives' | 'importData';
  analystOnly?: boolean;
}> = [
  { to: '/meetings', label: 'meetings' },
  { to: '/commitments', label: 'commitments' },
  ...performanceNav,
];

export function AppLayout() {
  const { t } = useTranslation();
  const principal = useStore((state) => state.principal);
  const setPrincipal = useStore((state) => state.setPrincipal);
  const navigate = useNavigate();

  // One live connection per tab, opened as soon as someone is signed in.
  useEffect(() => {
    getProvider();
  }, []);

  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    resetProvider();
    // The documents this browser kept for offline work are not the next person's to see.
    await clearLocalCopies().catch(() => undefined);
    setPrincipal(null);
    navigate('/signin');
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <Link to="/" className="brand" aria-label={t('home')}>
            <span className="brand__mark" aria-hidden="true" />
            StatRoom
          </Link>
          <nav aria-label={t('nav.label')} className="mainnav">
            {NAV.filter((item) => !item.analystOnly || principal?.role === Role.analyst).map((item) => (
              <NavLink key={item.to} to={item.to} className="mainnav__link">
                {t(`nav.${item.label}`)}
              </NavLink>
            ))}
          </nav>
          <div className="topbar__end">
            <ConnectionBadge />
            <LanguageSwitch />
            {principal && (
              <div className="whoami">
                <span className="whoami__name">{principal.name}</span>
                <span className="whoami__role">{t(`role.${principal.role}`)}</span>
              </div>
            )}
            <button type="button" className="button button--ghost button--small" onClick={onSignOut}>
              {t('signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
