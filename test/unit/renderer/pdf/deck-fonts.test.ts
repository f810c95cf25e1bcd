/** The app's deck export embeds the same deck cut of Roboto as the CLI (identical text layout). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckFontVfs } from '../../../../renderer/src/pdf/deck-fonts';

describe('renderer deck fonts', () => {
  it('are the resources/fonts/deck files, under pdfmake’s Roboto file names', () => {
    const vfs = deckFontVfs();
    expect(Object.keys(vfs).sort()).toEqual([
      'Roboto-Italic.ttf',
      'Roboto-Medium.ttf',
      'Roboto-MediumItalic.ttf',
      'Roboto-Regular.ttf',
    ]);
    for (const [name, b64] of Object.entries(vfs)) {
      const onDisk = readFileSync(join(process.cwd(), 'resources', 'fonts', 'deck', name));
      expect(Buffer.from(b64, 'base64').equals(onDisk), name).toBe(true);
    }
  });
});
