/**
 * Export writers: pure functions from stored events, dyad summaries and
 * quotes to text (csv, tsv, GDELT, PLOVER, terminal tables). No I/O: the CLI
 * decides where the text goes.
 */
export { csvRow, tsvRow, type Cell } from './csv.ts';
export { EVENT_COLUMNS, eventCells, eventPlover } from './events.ts';
export { GDELT_COLUMNS, LEAD_SENTENCES, gdeltCells, gdeltRow, fractionDate } from './gdelt.ts';
export { DYAD_COLUMNS, dyadCells } from './dyads.ts';
export { QUOTE_COLUMNS, quoteCells } from './quotes.ts';
export { tableHeader, tableRow, type TableColumn } from './table.ts';
