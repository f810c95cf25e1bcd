/** Public surface of the domain model. */
export * from './common';
export * from './workspace/schema';
export * from './roadmap/schema';
export * from './budget/schema';
export * from './staffing/schema';
export * from './scenarios/schema';
export * from './kpis/schema';
export * from './tickets/schema';
export * from './governance/schema';
export * from './qbr/schema';
export * from './tables';
