import { useState } from 'react';
import { useSession } from '../session';
import { AlertsSection } from './audit/AlertsSection';
import { AuditLogSection, type LogStart } from './audit/AuditLogSection';
import { ChainSection } from './audit/ChainSection';
import { PatternsSection, type ViewPattern } from './audit/PatternsSection';
import { SettingsSection } from './audit/SettingsSection';

// DOMAIN.md "Integrity and misuse": the IG lead's review of who looked at what, the
// alerts raised by declared associations, and the register's access settings.

type Section = 'alerts' | 'patterns' | 'log' | 'chain' | 'settings';

export function AuditScreen() {
  const { can } = useSession();
  const [section, setSection] = useState<Section>('alerts');
  // Told by the alerts section, which reads every alert when the screen opens on it.
  const [openAlerts, setOpenAlerts] = useState<number | null>(null);
  // Set when the person follows a pattern to its views; a fresh key starts the search anew.
  const [logStart, setLogStart] = useState<{ start: LogStart; key: number }>({ start: {}, key: 0 });
  const mayReview = can('audit.review');

  if (!mayReview) {
    return (
      <>
        <h1 className="govuk-heading-xl">Audit</h1>
        <p className="govuk-inset-text">Only an information governance lead or an administrator can review the audit log.</p>
      </>
    );
  }

  const sections: { id: Section; label: string }[] = [
    { id: 'alerts', label: openAlerts ? `Alerts (${openAlerts} open)` : 'Alerts' },
    { id: 'patterns', label: 'Patterns to look at' },
    { id: 'log', label: 'Search the audit log' },
    { id: 'chain', label: 'Check the audit chain' },
    ...(can('settings.manage') ? [{ id: 'settings' as const, label: 'Settings' }] : []),
  ];

  const showViews = (p: ViewPattern) => {
    setLogStart((current) => ({ start: { userId: p.userId, action: 'subject_view', subject: { id: p.subjectId, name: p.subjectName } }, key: current.key + 1 }));
    setSection('log');
  };

  return (
    <>
      <h1 className="govuk-heading-xl">Audit</h1>
      <nav className="moj-sub-navigation" aria-label="Audit sections">
        <ul className="moj-sub-navigation__list">
          {sections.map((s) => (
            <li className="moj-sub-navigation__item" key={s.id}>
              <a
                className="moj-sub-navigation__link"
                href={`#audit-${s.id}`}
                aria-current={section === s.id ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  if (s.id === 'log' && section !== 'log') setLogStart((current) => ({ start: {}, key: current.key + 1 }));
                  setSection(s.id);
                }}
              >
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'alerts' ? <AlertsSection onOpenCount={setOpenAlerts} /> : null}
      {section === 'patterns' ? <PatternsSection onShowViews={showViews} /> : null}
      {section === 'log' ? <AuditLogSection key={logStart.key} start={logStart.start} /> : null}
      {section === 'chain' ? <ChainSection /> : null}
      {section === 'settings' ? <SettingsSection /> : null}
    </>
  );
}
