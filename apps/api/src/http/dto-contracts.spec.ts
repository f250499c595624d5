import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/*
 * "One contract" (docs/architecture.md): every request, query and answer class the API
 * validates or documents `implements` a type of @dx/contracts, which the web sends and reads,
 * so a field renamed on one side stops the build instead of a client. This scans the sources:
 * every exported class of a `dto/` folder or a `*.dto.ts` / `*.query.ts` file, and any DTO class
 * left inside a controller.
 */
const SRC = join(__dirname, '..');

/** Classes that describe no JSON a client builds, each with why. */
const EXCEPTIONS: Record<string, string> = {
  ImportUsersFileDto: 'Swagger schema of a multipart upload: the web sends FormData with a file',
  TrainingEvidenceFileDto:
    'Swagger schema of a multipart upload: the web sends FormData with a file',
  LessonFileUploadDto: 'Swagger schema of a multipart upload: the web sends FormData with a file',
  SealImageFileDto: 'Swagger schema of a multipart upload: the web sends FormData with a file',
  ImportQuestionsFileDto:
    'Swagger schema of a multipart upload: the web sends FormData with a file',
  QuestionImageFileDto: 'Swagger schema of a multipart upload: the web sends FormData with a file',
  ImportBankFileDto: 'Swagger schema of a multipart upload: the web sends FormData with a file',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const isDtoFile = (path: string) => /[\\/]dto[\\/]/.test(path) || /\.(dto|query)\.ts$/.test(path);

interface DtoClass {
  file: string;
  name: string;
  exported: boolean;
  /** Names after `implements` that the file imports from @dx/contracts. */
  contracts: string[];
  /** Names after `implements` that come from anywhere else. */
  others: string[];
}

function contractImports(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    if ((statement.moduleSpecifier as ts.StringLiteral).text !== '@dx/contracts') continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const e of bindings.elements) names.add(e.name.text);
  }
  return names;
}

function classesOf(file: string, text = readFileSync(file, 'utf8')): DtoClass[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const fromContracts = contractImports(source);
  return source.statements.filter(ts.isClassDeclaration).map((node) => {
    const implemented = (node.heritageClauses ?? [])
      .filter((h) => h.token === ts.SyntaxKind.ImplementsKeyword)
      .flatMap((h) => h.types.map((t) => t.expression.getText(source).split('.')[0]));
    return {
      file: relative(SRC, file),
      name: node.name?.text ?? '(anonymous)',
      exported: !!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
      contracts: implemented.filter((n) => fromContracts.has(n)),
      others: implemented.filter((n) => !fromContracts.has(n)),
    };
  });
}

/** What is wrong with the DTO classes of these files, one line each. */
function problems(files: { path: string; text?: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    for (const c of classesOf(path, text)) {
      const where = `${c.file}: ${c.name}`;
      if (!isDtoFile(path)) {
        if (/Dto$/.test(c.name)) found.push(`${where} is a DTO outside a dto file`);
        continue;
      }
      if (!c.exported || c.name in EXCEPTIONS) continue;
      if (c.contracts.length === 0) found.push(`${where} implements no type of @dx/contracts`);
    }
  }
  return found;
}

describe('API DTOs implement the contract (docs/architecture.md "One contract")', () => {
  it('every DTO class implements a type of @dx/contracts, and lives in a dto file', () => {
    expect(problems(sourceFiles(SRC).map((path) => ({ path })))).toEqual([]);
  });

  it('lists only exceptions that still exist', () => {
    const names = new Set(sourceFiles(SRC).flatMap((path) => classesOf(path).map((c) => c.name)));
    expect(Object.keys(EXCEPTIONS).filter((name) => !names.has(name))).toEqual([]);
  });

  it('catches a class that implements nothing, or a local look-alike, or sits in a controller', () => {
    const dto = join(SRC, 'things', 'dto', 'thing.dto.ts');
    const controller = join(SRC, 'things', 'things.controller.ts');
    expect(
      problems([
        {
          path: dto,
          text: [
            "import type { ThingRequest } from '@dx/contracts';",
            'interface LocalThing { name: string }',
            'export class GoodDto implements ThingRequest { name = "a"; }',
            'export class BareDto { name = "a"; }',
            'export class LocalDto implements LocalThing { name = "a"; }',
          ].join('\n'),
        },
        {
          path: controller,
          text: 'class InlineDto { name = "a"; }\nexport class ThingsController {}',
        },
      ]),
    ).toEqual([
      'things/dto/thing.dto.ts: BareDto implements no type of @dx/contracts',
      'things/dto/thing.dto.ts: LocalDto implements no type of @dx/contracts',
      'things/things.controller.ts: InlineDto is a DTO outside a dto file',
    ]);
  });
});
