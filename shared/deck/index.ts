/** QBR deck: model, snapshots, chart specs and the pdfmake document builder. */
export * from './model';
export * from './sections';
export * from './snapshot';
export * from './deck-charts';
export * from './build-deck';
