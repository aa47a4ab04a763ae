/** The bundled real data: db/seed/ imported as the first release of a new store. */
import { fileURLToPath } from 'node:url';
import { importRelease, type ImportReport } from './index';

export const SEED_DIR = fileURLToPath(new URL('../../../../db/seed', import.meta.url));

export function seedStore(dbPath: string): Promise<ImportReport> {
	return importRelease([SEED_DIR], { dbPath });
}
