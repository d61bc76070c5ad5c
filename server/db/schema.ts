/** The relational schema as Kysely sees it: one interface per area, combined here. */
// biome-ignore lint/suspicious/noEmptyInterface: areas are added by later migrations.
export interface Database {}
