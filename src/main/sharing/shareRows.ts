import { z } from 'zod';
import type { FieldRef } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import type { SubjectField } from '../../shared/sharingVocabulary';
import type { Reader } from '../db/types';

// A share's rows as stored (migration 6): the share, and a line for each field chosen.

export interface ShareRow extends Record<string, string | number | null> {
  id: string;
  subject_id: string;
  status: string;
  purpose: string | null;
  purpose_other: string | null;
  gateway: string | null;
  gateway_other: string | null;
  regime: string | null;
  recipient_office_ids: string;
  requested_by: string | null;
  expiry_days: number;
  no_onward_disclosure: number;
  not_to_subject: number;
  decline_item_ids: string;
  decline_reason: string | null;
  revision: number;
  exchange_id: string | null;
  file_sha256: string | null;
  expires_at: string | null;
  created_at: string;
  created_by: string;
  sharing_agency: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

export interface LineRow extends Record<string, string | number | null> {
  share_id: string;
  line_id: string;
  position: number;
  subject_field: string | null;
  item_id: string | null;
  item_version: number | null;
  field_kind: string;
  necessary: string | null;
  proportionate: string | null;
  relevant: string | null;
  outside_purpose_reason: string | null;
  special_justification: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

const idList = z.array(z.string());
export const parseIds = (json: string) => idList.parse(JSON.parse(json));

export function getShareRow(r: Reader, id: string): ShareRow {
  const row = r.get<ShareRow>('SELECT * FROM shares WHERE id = ?', [id]);
  if (!row) throw new MappaError('unknown_share', 'That share is not in this register.');
  return row;
}

export function requireDraft(row: ShareRow): void {
  if (row.status === 'draft') return;
  const what: Record<string, string> = {
    confirmed: 'it has been confirmed and its file made',
    withdrawn: 'it has been withdrawn',
    declined: 'it is a decision not to share',
    discarded: 'it was discarded',
  };
  throw new MappaError('not_draft', `This share can no longer be changed: ${what[row.status] ?? row.status}. Start a new share instead.`);
}

export const refKey = (ref: FieldRef) => (ref.kind === 'subject' ? `subject:${ref.field}` : `item:${ref.itemId}`);

export function linesOf(r: Reader, shareId: string): LineRow[] {
  return r.all<LineRow>('SELECT * FROM share_lines WHERE share_id = ? ORDER BY position', [shareId]);
}

export const refOfLine = (line: LineRow): FieldRef =>
  line.item_id !== null ? { kind: 'item', itemId: line.item_id } : { kind: 'subject', field: line.subject_field as SubjectField };

