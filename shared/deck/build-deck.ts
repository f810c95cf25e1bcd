/**
 * QBR deck builder: workspace + QBR → pdfmake document definition (pure). Renders only from the
 * deck model (a closed QBR's frozen snapshot, or the live model of a draft), so the same inputs
 * always give the same definition. Chart images are injected by the caller.
 */
import type { ChartSpec } from '../charts/base';
import type { WorkspaceData } from '../domain/tables';
import type { DeckSectionKey } from '../domain/qbr/schema';
import { makeCtx, type RenderCtx } from './context';
import { deckChartsFromModel } from './deck-charts';
import type { DeckModel } from './model';
import { actionPages, agendaPages, coverPages, decisionPages, summaryPages, type Page } from './pages-front';
import { budgetPages, staffingPages } from './pages-money';
import { riskPages, roadmapPages, securityPages, servicePages } from './pages-ops';
import { appendixPages, changePages, governancePages, nextStepPages } from './pages-governance';
import { orderedSections, SECTION_TITLES, type DeckPreset } from './sections';
import { modelForQbr } from './snapshot';
import {
  BAND_HEIGHT,
  COLORS,
  deckStyles,
  MARGIN,
  onAccent,
  PAGE,
  printable,
  printableTree,
  safeAccent,
  TYPE,
  type DocNode,
} from './theme';

export type BuildDeckOptions = {
  preset: DeckPreset;
  /** Chart id → PNG data URL (from `deckCharts`, rendered by the caller). Missing ones show a placeholder. */
  chartImages: Readonly<Record<string, string>>;
  /** ISO timestamp of generation: the PDF's creation date (never printed on the pages). */
  generatedAt: string;
};

/** A pdfmake document definition (structural type: shared/ does not load pdfmake's typings). */
export type DeckDocument = {
  pageSize: { width: number; height: number };
  pageOrientation: 'landscape';
  pageMargins: [number, number, number, number];
  info: {
    title: string;
    author: string;
    subject: string;
    creator: string;
    producer: string;
    keywords: string;
    creationDate: Date;
  };
  language: string;
  defaultStyle: Record<string, unknown>;
  styles: Record<string, unknown>;
  images: Record<string, string>;
  content: DocNode[];
  background: (currentPage: number, pageSize: { width: number; height: number }) => DocNode | null;
  header: (currentPage: number, pageCount: number) => DocNode | null;
  footer: (currentPage: number, pageCount: number) => DocNode | null;
};

function renderSection(ctx: RenderCtx, key: DeckSectionKey, all: readonly DeckSectionKey[]): Page[] {
  switch (key) {
    case 'cover':
      return coverPages(ctx);
    case 'agenda':
      return agendaPages(ctx, all);
    case 'decisions':
      return decisionPages(ctx);
    case 'executive-summary':
      return summaryPages(ctx);
    case 'action-items':
      return actionPages(ctx);
    case 'service-performance':
      return servicePages(ctx, ctx.preset);
    case 'security-posture':
      return securityPages(ctx);
    case 'risks':
      return riskPages(ctx);
    case 'roadmap':
      return roadmapPages(ctx, ctx.preset);
    case 'budget':
      return budgetPages(ctx, ctx.preset);
    case 'staffing-sourcing':
      return staffingPages(ctx);
    case 'governance':
      return governancePages(ctx);
    case 'what-changed':
      return changePages(ctx);
    case 'next-steps':
      return nextStepPages(ctx);
    case 'appendix':
      return appendixPages(ctx);
  }
}

/** Renders the deck from a model (pure): the part of `buildDeck` after the model is chosen. */
export function renderDeck(model: DeckModel, opts: BuildDeckOptions): DeckDocument {
  const accent = safeAccent(model.qbr.theme.accentColor);
  const ctx = makeCtx(model, opts.preset, accent, opts.chartImages);
  const sections = orderedSections(model.qbr.sections, opts.preset);
  const pages: Page[] = sections.flatMap((key) => renderSection(ctx, key, sections));
  // User text may hold characters Roboto lacks: swap them for printable ones everywhere.
  const content: DocNode[] = printableTree(
    pages.map((nodes, i) => (i === 0 ? { stack: nodes } : { stack: nodes, pageBreak: 'before' })),
  );
  const coverFirst = sections[0] === 'cover';
  const ink = onAccent(accent);
  const m = model.meta;
  const orgLine = printable(m.partnerName ? `${m.workspaceName}  \u00D7  ${m.partnerName}` : m.workspaceName);
  const status = model.qbr.status === 'closed' ? 'Closed quarter' : 'Draft';
  const generated = new Date(opts.generatedAt);
  return {
    pageSize: { width: PAGE.width, height: PAGE.height },
    pageOrientation: 'landscape',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: {
      title: `${m.workspaceName} \u2014 QBR ${m.quarterLabel}`,
      author: m.workspaceName,
      subject: `Quarterly business review ${m.quarterLabel} (${m.quarterSpan})${m.partnerName ? ` with ${m.partnerName}` : ''}`,
      creator: 'Quarterdeck',
      producer: 'Quarterdeck (pdfmake)',
      keywords: [
        'QBR',
        m.quarter,
        m.quarterLabel,
        m.workspaceName,
        m.partnerName,
        opts.preset === 'executive' ? 'executive' : 'full',
      ]
        .filter((k) => k !== '')
        .join(', '),
      creationDate: Number.isNaN(generated.getTime()) ? new Date(0) : generated,
    },
    language: model.meta.locale || 'en-US',
    defaultStyle: { font: 'Roboto', fontSize: TYPE.body, color: COLORS.body, lineHeight: 1.15 },
    styles: deckStyles(accent),
    images: { ...ctx.used },
    content,
    background: (currentPage) => {
      if (coverFirst && currentPage === 1) {
        return {
          canvas: [
            { type: 'rect', x: 0, y: 0, w: PAGE.width, h: 318, color: accent },
            { type: 'rect', x: 0, y: 318, w: PAGE.width, h: 4, color: COLORS.rule },
          ],
        };
      }
      return { canvas: [{ type: 'rect', x: 0, y: 0, w: PAGE.width, h: BAND_HEIGHT, color: accent }] };
    },
    header: (currentPage) => {
      if (coverFirst && currentPage === 1) return null;
      return {
        text: orgLine,
        alignment: 'right',
        fontSize: TYPE.small,
        color: ink.soft,
        margin: [MARGIN.left, 17, MARGIN.right, 0],
      };
    },
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN.left, 14, MARGIN.right, 0],
      columns: [
        {
          text: printable(
            `${SECTION_TITLES.cover} \u00B7 ${m.quarterLabel} \u00B7 ${status} \u00B7 ${m.workspaceName} \u00B7 Confidential`,
          ),
          fontSize: TYPE.small - 0.5,
          color: COLORS.faint,
        },
        {
          text: `${currentPage} / ${pageCount}`,
          alignment: 'right',
          fontSize: TYPE.small,
          color: COLORS.muted,
          width: 80,
        },
      ],
    }),
  };
}

/** The QBR deck as a pdfmake document definition (pure; see `deckCharts` for the images). */
export function buildDeck(data: WorkspaceData, qbrId: string, opts: BuildDeckOptions): DeckDocument {
  return renderDeck(modelForQbr(data, qbrId), opts);
}

/** The charts `buildDeck` will place for this QBR and preset, for the caller to render. */
export function deckCharts(data: WorkspaceData, qbrId: string, preset: DeckPreset): ChartSpec[] {
  return deckChartsFromModel(modelForQbr(data, qbrId), preset);
}

/** `deckCharts` for an already computed model (lives beside the chart specs; re-exported here). */
export { deckChartsFromModel };
