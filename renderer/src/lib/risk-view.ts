/** Risk bands shown as RAG badges whose text names the band (never colour alone). */
import { riskBand, riskScore, type RiskBand } from '../../../shared/domain/governance/risks';
import type { Risk } from '../../../shared/domain/governance/schema';
import type { Rag } from '../components/status';

const BAND_RAG: Record<RiskBand, Rag> = { critical: 'red', high: 'red', medium: 'amber', low: 'green' };
const BAND_TEXT: Record<RiskBand, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** Badge colour and text for a risk, e.g. { rag: 'red', text: 'High 12' }. */
export function riskBadge(r: Pick<Risk, 'likelihood' | 'impact'>): { rag: Rag; text: string } {
  const score = riskScore(r);
  const band = riskBand(score);
  return { rag: BAND_RAG[band], text: `${BAND_TEXT[band]} ${score}` };
}
