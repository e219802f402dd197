import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AccessReason } from '../../shared/accessReasons';
import type { RegisterStatus } from '../../shared/contract';
import type { Action } from '../../shared/permissions';
import { Layout } from './components/Layout';
import { SuccessBanner } from './components/forms';
import { api, LOCKED_EVENT } from './mappa';
import { SessionProvider, type Route, type SessionValue, type Unlocked } from './session';
import { AssociationsScreen } from './screens/AssociationsScreen';
import { AuditScreen } from './screens/AuditScreen';
import { BackupScreen } from './screens/BackupScreen';
import { BankHolidaysScreen } from './screens/BankHolidaysScreen';
import { ChangePassphraseScreen } from './screens/ChangePassphraseScreen';
import { CreateScreen } from './screens/CreateScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ItemFormScreen } from './screens/ItemFormScreen';
import { OfficesScreen } from './screens/OfficesScreen';
import { RestoreScreen } from './screens/RestoreScreen';
import { RetentionScreen } from './screens/RetentionScreen';
import { ReviewsScreen } from './screens/ReviewsScreen';
import { SetupScreen } from './screens/SetupScreen';
import { StartScreen } from './screens/StartScreen';
import { SubjectFormScreen } from './screens/SubjectFormScreen';
import { SubjectScreen } from './screens/SubjectScreen';
import { SubjectsScreen } from './screens/SubjectsScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { UsersScreen } from './screens/UsersScreen';
import { ImportScreen } from './screens/sharing/ImportScreen';
import { PartnerKeysScreen } from './screens/sharing/PartnerKeysScreen';
import { SharesScreen } from './screens/sharing/SharesScreen';
import { ShareScreen } from './screens/sharing/ShareScreen';
import { useLoad } from './screens/useLoad';
import { ActionsScreen } from './screens/meetings/ActionsScreen';
import { CopiesScreen } from './screens/meetings/CopiesScreen';
import { MeetingFormScreen } from './screens/meetings/MeetingFormScreen';
import { MeetingScreen } from './screens/meetings/MeetingScreen';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen';
import { MinutesScreen } from './screens/meetings/MinutesScreen';
import { PackScreen } from './screens/meetings/PackScreen';
import { PacksScreen } from './screens/meetings/PacksScreen';
import { SigningScreen } from './screens/meetings/SigningScreen';
import { UndertakingScreen } from './screens/meetings/UndertakingScreen';
import { DisclosureScreen } from './screens/disclosure/DisclosureScreen';
import { DisclosuresScreen } from './screens/disclosure/DisclosuresScreen';
import { SarDashboard } from './screens/sar/SarDashboard';
import { SarIntakeScreen } from './screens/sar/SarIntakeScreen';
import { SarScreen } from './screens/sar/SarScreen';

type ClosedScreen = { name: 'start' } | { name: 'create' } | { name: 'restore' } | { name: 'unlock'; folder: string; userName: string };

/** The sections in the navigation bar, each shown only to roles that may use it. */
const SECTIONS: { route: Route['name']; label: string; needs?: Action }[] = [
  { route: 'home', label: 'Home' },
  { route: 'subjects', label: 'Subjects', needs: 'subject.view' },
  { route: 'reviews', label: 'Reviews due', needs: 'subject.view' },
  { route: 'shares', label: 'Shares', needs: 'subject.view' },
  { route: 'meetings', label: 'Meetings', needs: 'meeting.attend' },
  { route: 'actions', label: 'Actions', needs: 'meeting.attend' },
  { route: 'keys', label: 'Partner keys' },
  { route: 'retention', label: 'Retention', needs: 'retention.configure' },
  { route: 'offices', label: 'Agency offices' },
  { route: 'audit', label: 'Audit', needs: 'audit.review' },
  { route: 'users', label: 'Users', needs: 'user.manage' },
  { route: 'associations', label: 'My associations' },
  { route: 'passphrase', label: 'Change passphrase' },
  { route: 'backup', label: 'Backup', needs: 'register.backup' },
  { route: 'holidays', label: 'Bank holidays', needs: 'calendar.configure' },
  { route: 'undertaking', label: 'Undertaking', needs: 'meetings.configure' },
];

/** Which section a route belongs to, for aria-current in the navigation. */
function sectionOf(route: Route): Route['name'] {
  if (route.name === 'subject' || route.name === 'subjectForm' || route.name === 'itemForm' || route.name === 'disclosure' || route.name === 'disclosures') return 'subjects';
  if (route.name === 'share' || route.name === 'import') return 'shares';
  // Subject access requests are reached from Home: the navigation has no section for them.
  if (route.name === 'sars' || route.name === 'sarNew' || route.name === 'sar') return 'home';
  if (route.name === 'meeting' || route.name === 'meetingForm' || route.name === 'minutes' || route.name === 'copies' || route.name === 'signing' || route.name === 'packs' || route.name === 'pack') return 'meetings';
  return route.name;
}

export function App() {
  // Without the version the footer just leaves it out.
  const info = useLoad(() => api().app.info({}), []).data;
  // A register already unlocked in the main process (the page was reloaded) opens as it is.
  const { data: status, setData: setStatus } = useLoad(async (): Promise<Unlocked | null> => {
    const s = await api().register.status({});
    return s.state === 'unlocked' ? s : null;
  }, []);
  const [closed, setClosed] = useState<ClosedScreen>({ name: 'start' });
  const [route, setRoute] = useState<Route>({ name: 'home' });
  // A message is shown on the page it was given on and the page the person is taken to with
  // it, and no further: it would otherwise follow them onto the next form.
  const [message, setMessage] = useState<{ text: string; page: number } | null>(null);
  const [page, setPage] = useState(0);
  const notice = message !== null && message.page + 1 >= page ? message.text : null;
  const [lockedMessage, setLockedMessage] = useState<string | null>(null);
  // Reasons given for opening subjects, for this unlocked session only.
  const [reasons] = useState(() => new Map<string, AccessReason>());

  const opened = (next: RegisterStatus) => {
    if (next.state !== 'unlocked') return;
    setLockedMessage(null);
    setMessage(null);
    setPage(0);
    setRoute({ name: 'home' });
    setStatus(next);
  };

  // Locking drops everything the screens hold: the whole unlocked tree unmounts.
  const lock = useCallback(
    async (message: string) => {
      const folder = status?.folder;
      const userName = status?.userName ?? '';
      await api().register.lock({}).catch(() => undefined);
      reasons.clear();
      setStatus(null);
      setMessage(null);
      setLockedMessage(message);
      setClosed(folder ? { name: 'unlock', folder, userName } : { name: 'start' });
    },
    [status, reasons, setStatus],
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
    // The person is active: tell the service, at most every 20 seconds, so it does not
    // lock the register under them.
    let lastReport = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastReport < 20_000) return;
      lastReport = now;
      void api().access.activity({}).catch(() => undefined);
    };
    // The service locks by itself after inactivity (or when the computer sleeps): the
    // page finds out and drops everything it holds.
    const poll = setInterval(() => {
      void api()
        .register.status({})
        .then((s) => {
          if (s.state === 'closed') void lock('The register was locked because it was left without activity. Unlock it to carry on.');
        })
        .catch(() => undefined);
    }, 15_000);
    window.addEventListener('keydown', onKey);
    window.addEventListener(LOCKED_EVENT, onLocked);
    for (const type of ['keydown', 'mousedown', 'pointermove', 'wheel', 'touchstart'] as const) window.addEventListener(type, onActivity, { passive: true });
    return () => {
      clearInterval(poll);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(LOCKED_EVENT, onLocked);
      for (const type of ['keydown', 'mousedown', 'pointermove', 'wheel', 'touchstart'] as const) window.removeEventListener(type, onActivity);
    };
  }, [status, lock]);

  // After every change of page the cursor starts at the page's heading, unless the page put it
  // somewhere itself (a form's first field, an error summary): never on the page's body.
  // (Not on the first page after unlocking: there the skip link is the first stop, as on any page load.)
  useEffect(() => {
    if (page === 0) return;
    const frame = requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [route, page]);

  const session = useMemo<SessionValue | null>(() => {
    if (!status) return null;
    const permissions = new Set(status.profile?.permissions ?? []);
    return {
      status,
      can: (action) => permissions.has(action),
      navigate: (next) => {
        setPage((n) => n + 1);
        setRoute(next);
        window.scrollTo(0, 0);
      },
      notify: (text: string) => setMessage(text === '' ? null : { text, page }),
      reasonFor: (id) => reasons.get(id) ?? null,
      rememberReason: (id, reason) => {
        reasons.set(id, reason);
      },
    };
  }, [status, reasons, page]);

  if (status && session) {
    // The signing screen is handed to an attendee in the room: nothing else is reachable from it.
    const signing = route.name === 'signing';
    const visible = status.setupNeeded || signing ? [] : SECTIONS.filter((s) => !s.needs || session.can(s.needs));
    const current = sectionOf(route);
    return (
      <Layout
        version={info?.version}
        account={
          <div className="app-account">
            <span>
              {status.userName}
              {status.profile ? `, ${status.profile.officeName}` : ''}
            </span>
            <button type="button" className="govuk-button govuk-button--inverse" aria-keyshortcuts="Control+L" onClick={() => void lock('The register is locked.')}>
              Lock register
            </button>
          </div>
        }
        navigation={
          visible.length > 0 ? (
            <nav className="moj-primary-navigation" aria-label="Register sections">
              <div className="moj-primary-navigation__container">
                <div className="moj-primary-navigation__nav">
                  <ul className="moj-primary-navigation__list">
                    {visible.map((s) => (
                      <li className="moj-primary-navigation__item" key={s.route}>
                        <a
                          className="moj-primary-navigation__link"
                          href={`#${s.route}`}
                          aria-current={current === s.route ? 'page' : undefined}
                          onClick={(event) => {
                            event.preventDefault();
                            setMessage(null);
                            session.navigate({ name: s.route } as Route);
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
          ) : undefined
        }
      >
        <SessionProvider value={session}>
          {status.setupNeeded ? (
            <SetupScreen status={status} onDone={opened} />
          ) : (
            <>
              {signing ? null : <SuccessBanner message={notice} />}
              <RouteView route={route} />
            </>
          )}
        </SessionProvider>
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

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'subjects':
      return <SubjectsScreen />;
    case 'subject':
      return <SubjectScreen key={route.id} id={route.id} whose={route.whose} />;
    case 'subjectForm':
      return <SubjectFormScreen key={route.id ?? 'new'} {...(route.id ? { id: route.id } : {})} />;
    case 'itemForm':
      return <ItemFormScreen key={`${route.subjectId}-${route.itemId ?? 'new'}`} subjectId={route.subjectId} {...(route.itemId ? { itemId: route.itemId } : {})} />;
    case 'reviews':
      return <ReviewsScreen />;
    case 'retention':
      return <RetentionScreen />;
    case 'offices':
      return <OfficesScreen />;
    case 'users':
      return <UsersScreen />;
    case 'passphrase':
      return <ChangePassphraseScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'associations':
      return <AssociationsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'holidays':
      return <BankHolidaysScreen />;
    case 'shares':
      return <SharesScreen />;
    case 'share':
      return <ShareScreen key={route.id} id={route.id} subjectId={route.subjectId} step={route.step} file={route.file} />;
    case 'import':
      return <ImportScreen />;
    case 'keys':
      return <PartnerKeysScreen />;
    case 'meetings':
      return <MeetingsScreen />;
    case 'meetingForm':
      return <MeetingFormScreen />;
    case 'meeting':
      return <MeetingScreen key={route.id} id={route.id} />;
    case 'signing':
      return <SigningScreen key={`${route.meetingId}-${route.attendeeId}-${route.subjectId ?? 'all'}`} meetingId={route.meetingId} attendeeId={route.attendeeId} subjectId={route.subjectId} />;
    case 'minutes':
      return <MinutesScreen key={`${route.meetingId}-${route.subjectId}`} meetingId={route.meetingId} subjectId={route.subjectId} />;
    case 'copies':
      return <CopiesScreen key={`${route.meetingId}-${route.subjectId}`} meetingId={route.meetingId} subjectId={route.subjectId} />;
    case 'actions':
      return <ActionsScreen />;
    case 'undertaking':
      return <UndertakingScreen />;
    case 'packs':
      return <PacksScreen />;
    case 'pack':
      return <PackScreen key={route.exchangeId} exchangeId={route.exchangeId} />;
    case 'disclosure':
      return <DisclosureScreen key={`${route.id}-${route.task ?? 'tasks'}-${route.recipientId ?? ''}`} id={route.id} subjectId={route.subjectId} task={route.task} recipientId={route.recipientId} />;
    case 'disclosures':
      return <DisclosuresScreen />;
    case 'sars':
      return <SarDashboard />;
    case 'sarNew':
      return <SarIntakeScreen />;
    case 'sar':
      // Each page reads the request afresh: a decision or a referral made on one shows on the next.
      return <SarScreen key={`${route.id}-${route.page ?? 'request'}`} id={route.id} page={route.page} />;
  }
}
