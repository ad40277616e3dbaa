import path from 'node:path';
import ts from 'typescript';
import { checkServiceFiles, SERVICE_ENTRY } from '../../../scripts/service/checkServiceFiles';

const ROOT = path.resolve(__dirname, '../../..');

describe('what npm run bundle sends to App Service', () => {
  it('compiles src and only src: nothing in src reaches into bench, test or scripts', () => {
    const configPath = path.join(ROOT, 'tsconfig.service.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    )!;
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const emitted = program
      .getSourceFiles()
      .filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'))
      .map((file) => path.relative(ROOT, file.fileName).split(path.sep).join('/'));
    expect(emitted.length).toBeGreaterThan(100);
    expect(emitted.filter((file) => !file.startsWith('src/'))).toEqual([]);
    expect(emitted).toContain('src/main.ts');
  });

  it('accepts the compiled service with its production dependencies', () => {
    expect(
      checkServiceFiles([
        SERVICE_ENTRY,
        'dist/src/config/config.js',
        'package.json',
        'node_modules/restify/package.json',
        'node_modules/x/test/a.test.js',
      ]),
    ).toEqual([]);
  });

  it.each([
    ['dist/bench/runAll.js', /only dist\/src belongs/],
    ['dist/test/unit/config/config.test.js', /only dist\/src belongs/],
    ['dist/scripts/start.js', /only dist\/src belongs/],
    ['dist/src/x.test.js', /a test file/],
    ['.env', /local settings or data/],
    ['data/people/a.json', /local settings or data/],
  ])('refuses %s', (file, message) => {
    expect(checkServiceFiles([SERVICE_ENTRY, file])).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a bundle without the entry point App Service starts', () => {
    expect(checkServiceFiles(['dist/src/config/config.js'])).toEqual([
      expect.stringMatching(/dist\/src\/main\.js is missing/),
    ]);
  });
});
