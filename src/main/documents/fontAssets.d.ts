// Vite's `?inline` suffix turns a file into a base64 data URL inside the bundle.
declare module '*.ttf?inline' {
  const dataUrl: string;
  export default dataUrl;
}
