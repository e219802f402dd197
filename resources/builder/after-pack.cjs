// electron-builder afterPack hook: flips Electron's fuses in the packaged binary so it
// cannot be run as plain Node, take NODE_OPTIONS or --inspect, or load app code from
// outside its integrity-checked asar. The settings are data in fuses.json (unit-tested).
const path = require('node:path');
const fuses = require('./fuses.json');

module.exports = async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  const executable =
    electronPlatformName === 'darwin'
      ? path.join(appOutDir, `${name}.app`)
      : electronPlatformName === 'win32'
        ? path.join(appOutDir, `${name}.exe`)
        : path.join(appOutDir, packager.executableName);
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: electronPlatformName === 'darwin' };
  for (const [option, value] of Object.entries(fuses)) {
    if (!(option in FuseV1Options)) throw new Error(`Unknown Electron fuse in fuses.json: ${option}`);
    config[FuseV1Options[option]] = value;
  }
  await flipFuses(executable, config);
};
