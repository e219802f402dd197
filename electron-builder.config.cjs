/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'uk.gov.mappa.register',
  productName: 'MAPPA Register',
  directories: { buildResources: 'resources', output: 'dist' },
  files: ['out/**', 'package.json', '!**/*.map'],
  asar: true,
  // sql.js loads its .wasm with fs at run time; it must be a real file.
  asarUnpack: ['node_modules/sql.js/dist/sql-wasm.wasm'],
  // The PDF font is embedded in the main bundle; the SIL Open Font License asks that its
  // text travel with the font, so it ships beside the app as resources/fonts/OFL.txt.
  extraResources: [{ from: 'resources/fonts/OFL.txt', to: 'fonts/OFL.txt' }],
  afterPack: './resources/builder/after-pack.cjs',
  afterSign: './resources/builder/after-sign.cjs',
  electronLanguages: ['en-GB', 'en-US'],
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'MAPPA Register team' },
};
