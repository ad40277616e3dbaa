import fs from 'node:fs';
import path from 'node:path';
import type Parser from 'web-tree-sitter';
import { findSyntaxErrors, loadBicepParser } from '../../support/parseBicep';
import { INFRA, readInfraFile } from './readBicep';

function bicepFiles(): string[] {
  return fs
    .readdirSync(INFRA, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.bicep'))
    .sort();
}

/** Each `param` of a file with the names of the decorators above it. */
function paramDecorators(parser: Parser, text: string): Record<string, string[]> {
  const tree = parser.parse(text);
  const found: Record<string, string[]> = {};
  const nodes = tree.rootNode.children;
  nodes.forEach((node, i) => {
    if (node.type !== 'parameter_declaration') return;
    const name = node.namedChildren.find((child) => child.type === 'identifier')!.text;
    const previous = nodes[i - 1];
    found[name] =
      previous?.type === 'decorators'
        ? previous.namedChildren.map((decorator) => decorator.text.replace(/^@(\w+)[\s\S]*$/, '$1'))
        : [];
  });
  tree.delete();
  return found;
}

describe('the Bicep files, parsed with tree-sitter-bicep (a syntax check; no Bicep compiler runs offline)', () => {
  let parser: Parser;
  beforeAll(async () => {
    parser = await loadBicepParser();
  });

  it('finds main.bicep and its four modules', () => {
    expect(bicepFiles()).toEqual([
      'main.bicep',
      path.join('modules', 'bot.bicep'),
      path.join('modules', 'cosmos.bicep'),
      path.join('modules', 'monitoring.bicep'),
      path.join('modules', 'webApp.bicep'),
    ]);
  });

  it.each(bicepFiles())('%s has no syntax errors', (file) => {
    expect(findSyntaxErrors(parser, readInfraFile(file))).toEqual([]);
  });

  it('flags a broken file, so the check can fail', () => {
    const broken = readInfraFile('modules/bot.bicep').replace("kind: 'azurebot'", "kind: 'azurebot\n");
    expect(findSyntaxErrors(parser, broken).length).toBeGreaterThan(0);
    expect(findSyntaxErrors(parser, 'param x = {\n')).not.toEqual([]);
  });

  it('uses only decorators Bicep has (it has no @pattern: the compiler would refuse one)', () => {
    const known = [
      'description',
      'minLength',
      'maxLength',
      'minValue',
      'maxValue',
      'allowed',
      'secure',
      'metadata',
      'batchSize',
    ];
    for (const file of bicepFiles()) {
      const used = [...readInfraFile(file).matchAll(/^\s*@(\w+)\(/gm)].map((m) => m[1]!);
      expect({ file, unknown: used.filter((name) => !known.includes(name)) }).toEqual({ file, unknown: [] });
    }
  });

  it('describes every parameter of main.bicep, for the portal and what-if', () => {
    const params = paramDecorators(parser, readInfraFile('main.bicep'));
    expect(Object.keys(params).length).toBeGreaterThan(20);
    const undescribed = Object.entries(params)
      .filter(([, decorators]) => !decorators.includes('description'))
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });

  it('checks baseName before naming anything (Bicep has no pattern decorator)', () => {
    const main = readInfraFile('main.bicep');
    expect(paramDecorators(parser, main).baseName).toEqual(['description', 'minLength', 'maxLength']);
    expect(main).toMatch(/var checkedBaseName = baseNameIsValid \? baseName : fail\('baseName must be/);
    const names = /var names = \{([\s\S]*?)\n\}/.exec(main)![1]!;
    expect(names).not.toMatch(/\$\{baseName\}/);
    expect([...names.matchAll(/\$\{checkedBaseName\}/g)]).toHaveLength(7);
  });
});
