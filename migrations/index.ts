import { InitialSchema1764300000000 } from './1764300000000-InitialSchema';
import { AccessAndFiles1764400000000 } from './1764400000000-AccessAndFiles';
import { Editions1764500000000 } from './1764500000000-Editions';

/** Every migration in order. Listed explicitly so the same list works from TypeScript sources and from dist/. */
export const migrations = [InitialSchema1764300000000, AccessAndFiles1764400000000, Editions1764500000000];
