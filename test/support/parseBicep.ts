import fs from 'node:fs';
import Parser from 'web-tree-sitter';

export interface BicepSyntaxError {
  line: number;
  column: number;
  text: string;
}

let loading: Promise<Parser> | undefined;

/** A tree-sitter parser for Bicep (tree-sitter-bicep's WebAssembly grammar), loaded once per test file. */
export function loadBicepParser(): Promise<Parser> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Parser.Language.load(
      fs.readFileSync(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')),
    );
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return loading;
}

/** Where the grammar could not read the text: ERROR nodes and tokens it had to assume were there. */
export function findSyntaxErrors(parser: Parser, text: string): BicepSyntaxError[] {
  const tree = parser.parse(text);
  const errors: BicepSyntaxError[] = [];
  const visit = (node: Parser.SyntaxNode): void => {
    if (!node.hasError && !node.isMissing) return;
    if (node.type === 'ERROR' || node.isMissing) {
      errors.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: node.isMissing ? `missing ${node.type}` : node.text.slice(0, 60),
      });
      return;
    }
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return errors;
}
