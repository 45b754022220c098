import { InitialSchema1764300000000 } from './1764300000000-InitialSchema';

/** Every migration in order. Listed explicitly so the same list works from TypeScript sources and from dist/. */
export const migrations = [InitialSchema1764300000000];
