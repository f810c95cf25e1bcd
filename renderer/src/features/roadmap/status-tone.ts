/** Pill tone per roadmap status (the word is always shown; the tone only reinforces it). */
import type { RoadmapStatus } from '../../../../shared/domain/roadmap/schema';

export const STATUS_TONE: Record<RoadmapStatus, 'neutral' | 'accent' | 'green' | 'amber' | 'red'> = {
  proposed: 'neutral',
  approved: 'accent',
  'in-progress': 'accent',
  blocked: 'red',
  done: 'green',
  cancelled: 'neutral',
};
