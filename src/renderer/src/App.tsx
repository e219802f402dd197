import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput, RegisterStatus } from '../../shared/contract';
import { Layout } from './components/Layout';
import { api, LOCKED_EVENT } from './mappa';
import { BackupScreen } from './screens/BackupScreen';
import { ChangePassphraseScreen } from './screens/ChangePassphraseScreen';
import { CreateScreen } from './screens/CreateScreen';
import { HomeScreen } from './screens/HomeScreen';
import { RestoreScreen } from './screens/RestoreScreen';
import { StartScreen } from './screens/StartScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { UsersScreen } from './screens/UsersScreen';

type AppInfo = ChannelOutput<'app.info'>;
type Unlocked = Extract<RegisterStatus, { state: 'unlocked' }>;

type ClosedScreen = { name: 'start' } | { name: 'create' } | { name: 'restore' } | { name: 'unlock'; folder: string; userName: string };
type OpenScreen = 'home' | 'users' | 'passphrase' | 'backup';

const OPEN_SCREENS: { id: OpenScreen; label: string; administratorOnly?: boolean }[] = [
  { id: 'home', label: 'Register' },
  { id: 'users', label: 'Users', administratorOnly: true },
  { id: 'passphrase', label: 'Change passphrase' },
  { id: 'backup', label: 'Backup' },
];

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [status, setStatus] = useState<Unlocked | null>(null);
  const [closed, setClosed] = useState<ClosedScreen>({ name: 'start' });
  const [screen, setScreen] = useState<OpenScreen>('home');
  const [lockedMessage, setLockedMessage] = useState<string | null>(null);

  useEffect(() => {
    void api().app.info({}).then(setInfo).catch(() => setInfo(null));
    void api()
      .register.status({})
      .then((s) => setStatus(s.state === 'unlocked' ? s : null))
      .catch(() => setStatus(null));
  }, []);

  const opened = (next: RegisterStatus) => {
    if (next.state !== 'unlocked') return;
    setLockedMessage(null);
    setScreen('home');
    setStatus(next);
  };

  // Locking drops everything the screens hold: the whole open part of the tree unmounts.
  const lock = useCallback(
    async (message: string) => {
      const folder = status?.folder;
      const userName = status?.userName ?? '';
      await api().register.lock({}).catch(() => undefined);
      setStatus(null);
      setLockedMessage(message);
      setClosed(folder ? { name: 'unlock', folder, userName } : { name: 'start' });
    },
    [status],
  );

  useEffect(() => {
    if (!status) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lock('The register is locked.');
      }
    };
    const onLocked = () => void lock('The register was locked. Unlock it to carry on.');
    window.addEventListener('keydown', onKey);
    window.addEventListener(LOCKED_EVENT, onLocked);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(LOCKED_EVENT, onLocked);
    };
  }, [status, lock]);

  if (status) {
    const visible = OPEN_SCREENS.filter((s) => !s.administratorOnly || status.administrator);
    return (
      <Layout
        version={info?.version}
        account={
          <div className="app-account">
            <span>Signed in as {status.userName}</span>
            <button type="button" className="govuk-button govuk-button--inverse" aria-keyshortcuts="Control+L" onClick={() => void lock('The register is locked.')}>
              Lock register
            </button>
          </div>
        }
        navigation={
          <nav className="moj-primary-navigation" aria-label="Register sections">
            <div className="moj-primary-navigation__container">
              <div className="moj-primary-navigation__nav">
                <ul className="moj-primary-navigation__list">
                  {visible.map((s) => (
                    <li className="moj-primary-navigation__item" key={s.id}>
                      <a
                        className="moj-primary-navigation__link"
                        href={`#${s.id}`}
                        aria-current={screen === s.id ? 'page' : undefined}
                        onClick={(event) => {
                          event.preventDefault();
                          setScreen(s.id);
                        }}
                      >
                        {s.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </nav>
        }
      >
        {screen === 'home' ? <HomeScreen status={status} /> : null}
        {screen === 'users' && status.administrator ? <UsersScreen currentUser={status.userName} /> : null}
        {screen === 'passphrase' ? <ChangePassphraseScreen /> : null}
        {screen === 'backup' ? <BackupScreen /> : null}
      </Layout>
    );
  }

  return (
    <Layout version={info?.version}>
      {lockedMessage ? (
        <div className="govuk-inset-text" role="status">
          {lockedMessage}
        </div>
      ) : null}
      {closed.name === 'start' ? (
        <StartScreen
          onCreate={() => setClosed({ name: 'create' })}
          onRestore={() => setClosed({ name: 'restore' })}
          onOpen={(folder, userName) => setClosed({ name: 'unlock', folder, userName })}
        />
      ) : null}
      {closed.name === 'create' ? <CreateScreen onCreated={opened} onCancel={() => setClosed({ name: 'start' })} /> : null}
      {closed.name === 'restore' ? <RestoreScreen onRestored={opened} onCancel={() => setClosed({ name: 'start' })} /> : null}
      {closed.name === 'unlock' ? (
        <UnlockScreen
          key={closed.folder}
          folder={closed.folder}
          userName={closed.userName}
          onUnlocked={opened}
          onCancel={() => {
            setLockedMessage(null);
            setClosed({ name: 'start' });
          }}
        />
      ) : null}
    </Layout>
  );
}
