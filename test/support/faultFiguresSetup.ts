import { writeFigures } from './faultFigures';

// Loaded into each fault test file by scripts/faultFigures.cjs: the file's figures when it ends.
afterAll(() => writeFigures(expect.getState().testPath ?? 'unknown'));
