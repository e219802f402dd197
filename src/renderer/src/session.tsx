import { createContext, useContext, type ReactNode } from 'react';
import type { RegisterStatus } from '../../shared/contract';
import type { Action } from '../../shared/permissions';
import type { AccessReason } from '../../shared/accessReasons';
import type { DisclosureTask } from './screens/disclosure/tasks';
import type { SarPage } from './screens/sar/pages';

export type Unlocked = Extract<RegisterStatus, { state: 'unlocked' }>;

/** The pages of the share wizard (MOJ task list): the list itself, its four tasks, and the confirmation. */
export type ShareStep = 'tasks' | 'fields' | 'details' | 'tests' | 'check' | 'done';

/** Where the person is, inside an unlocked register. */
export type Route =
  | { name: 'home' }
  | { name: 'subjects' }
  /** `whose`: the person's name and date of birth as the list showed them, so the reason prompt says whose record it is. */
  | { name: 'subject'; id: string; whose?: string }
  | { name: 'subjectForm'; id?: string }
  | { name: 'itemForm'; subjectId: string; itemId?: string }
  | { name: 'reviews' }
  | { name: 'retention' }
  | { name: 'offices' }
  | { name: 'users' }
  | { name: 'passphrase' }
  | { name: 'backup' }
  | { name: 'associations' }
  | { name: 'audit' }
  | { name: 'holidays' }
  | { name: 'shares' }
  /** A share: its wizard while a draft, its record once confirmed, withdrawn or declined. `file` is where a just-confirmed share's file was saved. */
  | { name: 'share'; id: string; subjectId: string; step?: ShareStep; file?: string | null }
  | { name: 'import' }
  | { name: 'keys' }
  | { name: 'meetings' }
  | { name: 'meetingForm' }
  | { name: 'meeting'; id: string }
  /** The signing screen in the room: only the statement and the form; it returns to the meeting page (the host) when done. */
  | { name: 'signing'; meetingId: string; attendeeId: string; subjectId: string | null }
  | { name: 'minutes'; meetingId: string; subjectId: string }
  | { name: 'copies'; meetingId: string; subjectId: string }
  | { name: 'actions' }
  | { name: 'undertaking' }
  /** Meeting packs received from other offices' registers, and one pack: its statement first, its papers once signed. */
  | { name: 'packs' }
  | { name: 'pack'; exchangeId: string }
  /** A disclosure to a third party: its task list and task pages while a draft, its record once approved; `recipientId` is the recipient a page changes. */
  | { name: 'disclosure'; id: string; subjectId: string; task?: DisclosureTask; recipientId?: string }
  | { name: 'disclosures' }
  /** Subject access requests (an information governance lead's): the dashboard, intake, and one request's pages. */
  | { name: 'sars' }
  | { name: 'sarNew' }
  | { name: 'sar'; id: string; page?: SarPage };

export interface SessionValue {
  status: Unlocked;
  navigate: (route: Route) => void;
  /** The UI hides what the role may not do; the service refuses it anyway. */
  can: (action: Action) => boolean;
  /** Shows a success message on the next screen (GOV.UK notification banner). */
  notify: (message: string) => void;
  /** The reason given for opening a subject in this unlocked session (dropped on lock). */
  reasonFor: (subjectId: string) => AccessReason | null;
  rememberReason: (subjectId: string, reason: AccessReason) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside an unlocked register');
  return value;
}
