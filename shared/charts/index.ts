/** Chart configurations shared by the app screens and the QBR deck. */
export * from './palette';
export * from './base';
export * from './format';
export * from './kpi-trend';
export * from './budget-charts';
export * from './scenario-charts';
export * from './risk-heatmap';
export * from './roadmap-timeline';
