import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import ts from 'typescript';
import { buildOpenApiDocument, type OpenApiDocument } from '../../src/http/openapi';
import { allRoutes } from '../../src/routes';

/**
 * The document is good enough for a typed client: openapi-typescript turns it into TypeScript
 * types, and a small openapi-fetch client written against them type-checks — while lines that
 * misuse the API (a property the schema does not have, a body field of the wrong type, an
 * unknown path) do not, so the types are real and not `any`.
 */

const repo = resolve(__dirname, '../..');
const document: OpenApiDocument = buildOpenApiDocument(allRoutes({ db: null as never, config: null as never, logger: pino({ level: 'silent' }) }));

/** Type-checks against the generated `schema.d.ts`; what a client project would compile. */
const client = `
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type Claim = components['schemas']['Claim'];

const client = createClient<paths>({ baseUrl: 'http://localhost:3000', headers: { Authorization: 'Bearer ct_example' } });

export async function claimText(id: string): Promise<string> {
  const { data, error, response } = await client.GET('/v1/claims/{id}', { params: { path: { id } } });
  if (error) throw new Error(\`\${response.status} \${error.title}: \${error.detail ?? ''}\`);
  const etag: string | null = response.headers.get('ETag');
  const stances: ('supports' | 'refutes' | 'context')[] = data.evidence.map((e) => e.stance);
  void etag;
  void stances;
  return data.text;
}

export async function createClaim(articleId: string): Promise<Claim> {
  const { data, error } = await client.POST('/v1/claims', {
    params: { header: { 'Idempotency-Key': 'create-claim-1' } },
    body: { text: 'Azerbaijan spent 5 billion dollars on Israeli arms', language: 'en', articleId, tags: ['defence'] },
  });
  if (error) throw new Error(error.title);
  const status: 'unverified' | 'in_review' | 'pending_approval' | 'published' = data.status;
  const version: number = data.version;
  void status;
  void version;
  return data;
}

export async function claimsPage(cursor?: string): Promise<{ ids: string[]; next: string | null }> {
  const { data, error } = await client.GET('/v1/claims', { params: { query: { limit: 50, cursor } } });
  if (error) throw new Error(error.title);
  return { ids: data.data.map((claim) => claim.id), next: data.nextCursor };
}
`;

/** Each line marked `// expect TSnnnn <part of the message>` must fail with that error, and no other line may. */
const misuse = `
import createClient from 'openapi-fetch';
import type { paths } from './schema';

const client = createClient<paths>({ baseUrl: 'http://localhost:3000' });

export async function wrong(id: string): Promise<void> {
  const { data } = await client.GET('/v1/claims/{id}', { params: { path: { id } } });
  if (!data) return;
  void data.textt; // expect TS2551 Property 'textt' does not exist
  const verdict: number = data.verdict; // expect TS2322 Type 'string | null' is not assignable to type 'number'
  await client.POST('/v1/claims', { body: { text: 'A claim', language: 42 } }); // expect TS2322 Type 'number' is not assignable to type 'string'
  await client.POST('/v1/claims', { body: { text: 'A claim' } }); // expect TS2322 Property 'language' is missing
  await client.GET('/v1/claimz', {}); // expect TS2345 Argument of type '"/v1/claimz"' is not assignable
  await client.GET('/v1/claims/{id}', {}); // expect TS2345 Property 'params' is missing
  void verdict;
}
`;

interface Diagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

function typeCheck(dir: string, files: string[]): Diagnostic[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: false,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    // Checks the generated schema.d.ts too (problems in node_modules' .d.ts are left out below).
    skipLibCheck: false,
    skipDefaultLibCheck: true,
  };
  const program = ts.createProgram(
    files.map((f) => join(dir, f)),
    options,
  );
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || !d.file.fileName.includes('/node_modules/'))
    .map((d) => ({
      file: d.file ? d.file.fileName.slice(d.file.fileName.lastIndexOf('/') + 1) : '(options)',
      line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
      code: `TS${d.code}`,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
}

/**
 * openapi-typescript's Node API (\`openapiTS(document)\` → AST → \`astToString\`), as its CLI
 * does. It loads ESM-only packages and jest runs CommonJS, so it runs in a child Node process,
 * which reads the document from a file (a pipe on stdin can answer EAGAIN once the document is
 * larger than the pipe's buffer).
 */
function generateTypes(doc: OpenApiDocument): string {
  const scratch = mkdtempSync(join(tmpdir(), 'claimtrack-openapi-'));
  try {
    const file = join(scratch, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const script = [
      "import openapiTS, { astToString } from 'openapi-typescript';",
      "import { readFileSync } from 'node:fs';",
      "const ast = await openapiTS(JSON.parse(readFileSync(process.argv[1], 'utf8')), { silent: true, alphabetize: true });",
      'process.stdout.write(astToString(ast));',
    ].join('\n');
    return execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

let dir: string;
let schema: string;
let diagnostics: Diagnostic[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrack-openapi-client-'));
  // So that `openapi-fetch` resolves from the temp folder as it would in a client project.
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  schema = generateTypes(document);
  writeFileSync(join(dir, 'schema.d.ts'), schema);
  writeFileSync(join(dir, 'client.ts'), client);
  writeFileSync(join(dir, 'misuse.ts'), misuse);
  diagnostics = typeCheck(dir, ['client.ts', 'misuse.ts']);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a TypeScript client generated from the document (openapi-typescript + openapi-fetch)', () => {
  it('generates types for every operation and schema', () => {
    for (const path of Object.keys(document.paths)) expect(schema).toContain(`"${path}": {`);
    for (const name of Object.keys(document.components.schemas)) expect(schema).toMatch(new RegExp(`\\b${name}: \\{`));
  });

  it('type-checks a client that reads a claim, creates one and pages through the list', () => {
    expect(diagnostics.filter((d) => d.file !== 'misuse.ts')).toEqual([]);
  });

  it('rejects misuse: each marked line fails with its error, and no other line fails', () => {
    const expected = misuse.split('\n').flatMap((text, i) => {
      const marker = /\/\/ expect (TS\d+) (.+)$/.exec(text);
      return marker ? [{ line: i + 1, code: marker[1] as string, message: expect.stringContaining(marker[2] as string) }] : [];
    });
    expect(expected).toHaveLength(6);
    const got = diagnostics.filter((d) => d.file === 'misuse.ts').map(({ line, code, message }) => ({ line, code, message }));
    // The first proves `data` is typed, not `any`: a property the schema lacks does not compile.
    expect(got).toEqual(expected);
  });
});

describe('the document says what the docs show', () => {
  it('describes every tag and names a contact', () => {
    expect(document.tags.filter((tag) => !tag.description)).toEqual([]);
    expect(document.info.contact).toEqual({ name: 'claimtrack maintainers', url: expect.stringMatching(/^https:\/\//) });
  });
});
