/** Where the bundled Roboto TTFs live (shipped inside pdfmake), so output never depends on system fonts. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** pdfmake's font descriptors: family → style → absolute file path. */
export type FontFiles = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

/** Absolute path of the folder holding the Roboto TTFs (ends with a path separator). */
export function robotoDir(): string {
  return join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto') + '/';
}

/** pdfmake's own Roboto descriptor (file paths), copied so pdfmake's resolver cannot mutate ours. */
export function robotoFontFiles(): FontFiles {
  const dir = robotoDir();
  return {
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  };
}
