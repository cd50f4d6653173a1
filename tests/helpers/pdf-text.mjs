// Extracts the text of a PDF read from stdin with pdf.js (its legacy build runs on Node 20), as
// JSON: per page, the text items in the order the PDF draws them, with their position. pdf.js is
// ESM only and jest runs CommonJS, so tests run this in a child Node process (tests/helpers/pdf.ts).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.filter((item) => 'str' in item).map((item) => ({ str: item.str, dir: item.dir, x: Math.round(item.transform[4] * 10) / 10, y: Math.round(item.transform[5] * 10) / 10 })));
}
const info = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, info: info.info }));
