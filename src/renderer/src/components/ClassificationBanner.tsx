import { CLASSIFICATION } from '../../../shared/classification';

// Every screen carries the handling marking (national MAPPA guidance).
export function ClassificationBanner({ position }: { position: 'top' | 'bottom' }) {
  return (
    <div className="app-classification-banner" role="note" aria-label={position === 'top' ? 'Classification' : 'Classification (footer)'}>
      {CLASSIFICATION}
    </div>
  );
}
