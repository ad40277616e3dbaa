/** The entry point App Service runs (infra/modules/webApp.bicep, appCommandLine). */
export const SERVICE_ENTRY = 'dist/src/main.js';

/**
 * Problems with the files bound for App Service: compiled code outside dist/src (benchmarks,
 * tests, scripts), test files, local settings or data, or a missing entry point. Empty when fine.
 * Paths are relative to the folder that becomes the zip's root, with forward slashes.
 */
export function checkServiceFiles(files: readonly string[]): string[] {
  const problems: string[] = [];
  if (!files.includes(SERVICE_ENTRY))
    problems.push(`${SERVICE_ENTRY} is missing: App Service starts the bot from it.`);
  for (const file of files) {
    if (file.startsWith('node_modules/')) continue;
    if (file.startsWith('dist/') && !file.startsWith('dist/src/'))
      problems.push(`${file}: only dist/src belongs in the service (no benchmarks, tests or scripts).`);
    else if (/\.(test|spec)\.[cm]?js$/.test(file)) problems.push(`${file}: a test file.`);
    else if (/(^|\/)\.env$/.test(file) || file.startsWith('data/'))
      problems.push(`${file}: local settings or data never go to Azure.`);
  }
  return problems;
}
