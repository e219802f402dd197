/** Pages in a PDF made by the document maker (each page object is written once, uncompressed). */
export function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
