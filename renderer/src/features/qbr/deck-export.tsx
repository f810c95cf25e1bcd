/**
 * Deck export for one QBR. The deck builder (shared/deck/build-deck.ts) is detected at build time;
 * until it exists the app says so plainly instead of showing a dead button.
 */
import type { Qbr } from '../../../../shared/domain/qbr/schema';

// Present only once the QBR builder lands; a glob keeps this build working without it.
const DECK_BUILDER = import.meta.glob('../../../../shared/deck/build-deck.ts');

/** Whether this build contains the deck builder. */
export const deckBuilderAvailable = Object.keys(DECK_BUILDER).length > 0;

export function DeckExport({ qbr }: { qbr: Qbr }) {
  if (!deckBuilderAvailable) {
    return (
      <p className="muted small" data-qbr={qbr.id}>
        Deck export arrives with the QBR builder.
      </p>
    );
  }
  return (
    <p className="muted small" data-qbr={qbr.id}>
      Deck export arrives with the QBR builder.
    </p>
  );
}
