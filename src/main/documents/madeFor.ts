import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

// Who a document was made for and when, as the watermark and the first page say it.
// Times are shown as a clock in England and Wales shows them (Europe/London), not UTC.

export function madeAtText(madeAt: Date): string {
  if (Number.isNaN(madeAt.getTime())) throw new Error('A document needs the time it was made.');
  return format(new TZDate(madeAt.getTime(), 'Europe/London'), 'd MMMM yyyy HH:mm');
}

export function watermarkText(madeFor: string, madeAt: Date): string {
  return `Made for ${madeFor}, ${madeAtText(madeAt)}`;
}
