import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import pino from 'pino';
import { buildOpenApiDocument, toOpenApiPath, type JsonSchema, type OpenApiDocument, type OpenApiResponse } from '../../src/http/openapi';
import { allRoutes } from '../../src/routes';
import type { RecordedResponse } from './response-recorder';

/** The document the app serves, built the same way (the routes' handlers are never called). */
export function servedDocument(): OpenApiDocument {
  return buildOpenApiDocument(allRoutes({ db: null as never, config: null as never, logger: pino({ level: 'silent' }) }));
}

const COMPONENTS_ID = 'https://claimtrack.invalid/openapi/components';

/** `#/components/schemas/X` → a ref into the components, registered with ajv as one schema. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebase);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/') ? `${COMPONENTS_ID}#/$defs/${item.slice('#/components/schemas/'.length)}` : rebase(item),
    ]),
  );
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Validates recorded responses against the operation and status the document names for them. */
export class ResponseChecker {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    // strict: every keyword zod writes must be one ajv knows, so nothing is silently ignored.
    this.ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebase(document.components.schemas) as JsonSchema });
  }

  private validator(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebase(schema) as JsonSchema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** What is wrong with one response; empty when it matches the document. */
  check(record: RecordedResponse): string[] {
    const method = record.method === 'HEAD' ? 'get' : record.method.toLowerCase();
    if (!record.route) {
      // No route matched (the 404 of an unknown path): it must still be a problem body.
      return this.checkBody(record, 'Problem', { description: '', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    }
    const path = toOpenApiPath(record.route);
    const operation = this.document.paths[path]?.[method as 'get'];
    if (!operation) return [`${method.toUpperCase()} ${path} is not an operation of the document`];
    // Documented (a client may meet one), but never an outcome a test may pass with.
    if (record.status === 500) return ['the server failed (500): a bug, whatever the test expected'];
    const response = operation.responses[String(record.status)];
    if (!response) return [`status ${record.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`];
    const problems = this.checkBody(record, `${operation.operationId} ${record.status}`, response);
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && record.headers[name.toLowerCase()] === undefined) problems.push(`header ${name} is documented as always present but is missing`);
    }
    return problems;
  }

  /** NDJSON: the document's schema is that of one line; every line must match it. */
  private checkLines(record: RecordedResponse, key: string, schema: JsonSchema): string[] {
    const validate = this.validator(key, schema);
    const lines = record.body.split('\n');
    if (lines.at(-1) === '') lines.pop();
    for (const [n, line] of lines.entries()) {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return [`line ${n + 1} of the NDJSON body is not JSON: ${line.slice(0, 120)}`];
      }
      if (!validate(value)) return (validate.errors ?? []).map((e: ErrorObject) => `line ${n + 1}${e.instancePath || ''} ${e.message ?? 'is invalid'}`);
    }
    return [];
  }

  private checkBody(record: RecordedResponse, key: string, response: OpenApiResponse): string[] {
    const content = response.content;
    const contentType = record.headers['content-type'];
    if (!content) {
      return record.body === '' ? [] : [`the document says no body, but got ${contentType ?? 'a body'} (${record.body.length} bytes)`];
    }
    if (record.method === 'HEAD') return [];
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
    const media = mediaType ? content[mediaType] : undefined;
    if (!mediaType || !media) return [`content type ${contentType ?? '(none)'} is not documented (documented: ${Object.keys(content).join(', ')})`];
    if (mediaType === 'application/x-ndjson') return this.checkLines(record, `${key} ${mediaType}`, media.schema);
    if (!isJson(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      return [`the ${mediaType} body is not JSON: ${record.body.slice(0, 120)}`];
    }
    const validate = this.validator(`${key} ${mediaType}`, media.schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e: ErrorObject) => `body${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
}

export interface CheckResult {
  checked: number;
  mismatches: string[];
}

/** Every recorded response against the document; each mismatch names the test and the request. */
export function checkRecordedResponses(records: readonly RecordedResponse[], document: OpenApiDocument = servedDocument()): CheckResult {
  const checker = new ResponseChecker(document);
  const mismatches: string[] = [];
  for (const record of records) {
    const problems = checker.check(record);
    if (problems.length === 0) continue;
    const body = record.body.length > 300 ? `${record.body.slice(0, 300)}…` : record.body;
    mismatches.push(
      [`${record.method} ${record.url} (route ${record.route ?? 'none'}) → ${record.status}, in "${record.test}":`, ...problems.map((p) => `    - ${p}`), `    body: ${body}`].join('\n'),
    );
  }
  return { checked: records.length, mismatches };
}
