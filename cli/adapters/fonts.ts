/**
 * Fonts for Node output, so it never depends on the fonts installed on the machine:
 * - charts (skia, full shaping) use pdfmake's own Roboto TTFs;
 * - PDFs use the deck cut of the same Roboto in resources/fonts/deck (layout tables reduced to a
 *   `kern` table so pdfmake's fontkit skips its OpenType shaper; see scripts/build-deck-fonts.mjs).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** pdfmake's font descriptors: family → style → absolute file path. */
export type FontFiles = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

/** Absolute path of pdfmake's Roboto TTF folder (ends with a path separator). */
export function robotoDir(): string {
  return join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto') + '/';
}

/**
 * Absolute path of the deck cut of Roboto (ends with a path separator). The sources (cli/adapters)
 * and the CLI bundle (out/cli) both sit two folders below the project root.
 */
export function deckFontDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'fonts', 'deck') + '/';
}

/** pdfmake's Roboto descriptor pointing at the deck cut, fresh each call (pdfmake mutates it). */
export function robotoFontFiles(): FontFiles {
  const dir = deckFontDir();
  return {
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  };
}
