import type { AppDeps } from '../../app-deps';
import { can } from '../../core/roles';
import { defineRoute, type RouteSpec } from '../../http/route';
import { renderHtmlReport } from './render/html';
import { renderPdfReport } from './render/pdf';
import { auditReportQuery, auditReportView, type AuditReport } from './reports.schemas';
import * as service from './reports.service';

/** `claimtrack-audit-<from day>-<to day>.<ext>`: what the auditor's file is called. */
function attachment(report: AuditReport, extension: string): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return `attachment; filename="claimtrack-audit-${day(report.period.from)}-${day(report.period.to)}.${extension}"`;
}

export function reportRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/reports/audit',
      summary: 'The audit report of a period (JSON, a self-contained HTML page, or an A4 PDF)',
      roles: can.audit,
      query: auditReportQuery,
      response: {
        status: 200,
        description: 'The report; `format` picks the media type.',
        schema: auditReportView,
        documents: {
          'text/html': 'one page that loads nothing (inline style and SVG charts), under its own strict Content-Security-Policy.',
          'application/pdf': 'A4, the charts drawn, Arabic shaped and right to left, page numbers and the period in the footer.',
        },
        headers: { 'Content-Disposition': { description: 'For html and pdf: attachment; filename="claimtrack-audit-<from>-<to>.<html|pdf>"' } },
      },
      handler: async ({ actor, query }, res) => {
        const report = await service.buildAuditReport(db, actor, query);
        if (query.format === 'json') {
          res.json(report);
        } else if (query.format === 'html') {
          const page = await renderHtmlReport(report);
          res.setHeader('Content-Security-Policy', page.contentSecurityPolicy);
          res.setHeader('Content-Disposition', attachment(report, 'html'));
          res.type('html').send(page.html);
        } else {
          const pdf = await renderPdfReport(report);
          res.setHeader('Content-Disposition', attachment(report, 'pdf'));
          res.type('application/pdf');
          pdf.pipe(res);
        }
      },
    }),
  ];
}
