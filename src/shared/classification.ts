// National MAPPA Guidance / leaflet: MAPPA documents are OFFICIAL with the
// OFFICIAL-SENSITIVE handling caveat; every screen, print and export carries it.
export const CLASSIFICATION = 'OFFICIAL-SENSITIVE' as const;
export const PRODUCT_NAME = 'MAPPA Register' as const;
