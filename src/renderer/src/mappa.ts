import type { MappaClient } from '../../shared/contract';

declare global {
  interface Window {
    /** Built by the preload from the IPC contract; the page's only way to the register. */
    readonly mappa: MappaClient;
  }
}

export const mappa = (): MappaClient => window.mappa;
