import { formatLondonDateTime } from '../../shared/calendar';

// Who a document was made for and when, as the watermark and the first page say it:
// the London date and time, written as everywhere else in the app.

export function madeAtText(madeAt: Date): string {
  if (Number.isNaN(madeAt.getTime())) throw new Error('A document needs the time it was made.');
  return formatLondonDateTime(madeAt.toISOString());
}

export function watermarkText(madeFor: string, madeAt: Date): string {
  return `Made for ${madeFor}, ${madeAtText(madeAt)}`;
}
