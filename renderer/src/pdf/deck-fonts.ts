/**
 * The deck cut of Roboto as pdfmake virtual files (base64), inlined by Vite from resources/fonts/deck.
 * See resources/fonts/deck/README.md for what differs from pdfmake's own Roboto and why.
 */
import regular from '../../../resources/fonts/deck/Roboto-Regular.ttf?inline';
import medium from '../../../resources/fonts/deck/Roboto-Medium.ttf?inline';
import italic from '../../../resources/fonts/deck/Roboto-Italic.ttf?inline';
import mediumItalic from '../../../resources/fonts/deck/Roboto-MediumItalic.ttf?inline';

/** The base64 payload of a data URL. */
function base64Of(dataUrl: string): string {
  const comma = dataUrl.indexOf('base64,');
  if (comma < 0) throw new Error('a deck font was not inlined as base64');
  return dataUrl.slice(comma + 'base64,'.length);
}

export function deckFontVfs(): Record<string, string> {
  return {
    'Roboto-Regular.ttf': base64Of(regular),
    'Roboto-Medium.ttf': base64Of(medium),
    'Roboto-Italic.ttf': base64Of(italic),
    'Roboto-MediumItalic.ttf': base64Of(mediumItalic),
  };
}
