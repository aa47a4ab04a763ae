/**
 * The territory reference (France, 18 régions, 101 départements) from @etalab/decoupage-administratif,
 * and the resolution of the codes that real files use (`FRANCE`, `FR`, `R84`, `84`, `D2A`, `2A`, `1`).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** COG year of the @etalab/decoupage-administratif release we depend on (6.0.0 = COG 2026). */
export const COG_YEAR = 2026;

export type Level = 'national' | 'region' | 'departement';

export interface TerritoryRecord {
	code: string;
	level: Level;
	inseeCode: string;
	name: string;
	parentCode: string | null;
	population: number | null;
	chefLieu: string | null;
}

interface RawArea {
	code: string;
	nom: string;
	zone: string;
	region?: string;
	chefLieu?: string;
}
interface RawCommune {
	type: string;
	departement?: string;
	population?: number;
}

let reference: TerritoryRecord[] | null = null;
let codes: TerritoryRecord[] | null = null;

/** France, then régions and départements of metropolitan France and the five DROM (COM excluded). */
export function territoryReference(): TerritoryRecord[] {
	reference ??= buildReference(true);
	return reference;
}

/**
 * The same territories without their populations (null): what reading a release needs. The
 * populations are summed from every commune (an 8 MB file, a tenth of a second to load), which
 * only writing the reference into the store needs.
 */
export function territoryCodes(): TerritoryRecord[] {
	codes ??= reference ?? buildReference(false);
	return codes;
}

/** The reference's version (the package's): the store keeps it, and is rewritten when it changes. */
export function territoryReferenceVersion(): string {
	return `${(require('@etalab/decoupage-administratif/package.json') as { version: string }).version}/${COG_YEAR}`;
}

function buildReference(withPopulation: boolean): TerritoryRecord[] {
	const regions: RawArea[] = require('@etalab/decoupage-administratif/data/regions.json');
	const departements: RawArea[] = require('@etalab/decoupage-administratif/data/departements.json');
	const communes: RawCommune[] = withPopulation ? require('@etalab/decoupage-administratif/data/communes.json') : [];
	const inScope = (a: RawArea) => a.zone === 'metro' || a.zone === 'drom';

	// Populations légales of current communes, summed per département.
	const depPopulation = new Map<string, number>();
	for (const c of communes) {
		if (c.type !== 'commune-actuelle' || !c.departement || typeof c.population !== 'number') continue;
		depPopulation.set(c.departement, (depPopulation.get(c.departement) ?? 0) + c.population);
	}
	const deps = departements.filter(inScope);
	const regPopulation = new Map<string, number>();
	for (const d of deps) {
		const p = depPopulation.get(d.code);
		if (p !== undefined && d.region) regPopulation.set(d.region, (regPopulation.get(d.region) ?? 0) + p);
	}
	const total = [...regPopulation.values()].reduce((a, b) => a + b, 0);
	return [
		{ code: 'FR', level: 'national', inseeCode: 'FR', name: 'France', parentCode: null, population: total || null, chefLieu: null },
		...regions.filter(inScope).map((r) => ({
			code: `R${r.code}`,
			level: 'region' as const,
			inseeCode: r.code,
			name: r.nom,
			parentCode: 'FR',
			population: regPopulation.get(r.code) ?? null,
			chefLieu: r.chefLieu ?? null
		})),
		...deps.map((d) => ({
			code: `D${d.code}`,
			level: 'departement' as const,
			inseeCode: d.code,
			name: d.nom,
			parentCode: d.region ? `R${d.region}` : null,
			population: depPopulation.get(d.code) ?? null,
			chefLieu: d.chefLieu ?? null
		}))
	];
}

const LEVEL_ALIASES: Record<string, Level> = {
	national: 'national',
	nat: 'national',
	france: 'national',
	region: 'region',
	reg: 'region',
	'région': 'region',
	departement: 'departement',
	'département': 'departement',
	department: 'departement',
	dept: 'departement',
	dep: 'departement'
};

export function parseLevel(raw: string): Level | null {
	return LEVEL_ALIASES[raw.trim().toLowerCase()] ?? null;
}

/**
 * Public territory code (`FR`, `R84`, `D2A`) for a code as written in a file at a given level,
 * or null when the form is not recognised. Existence is checked by the caller against the store.
 */
export function publicTerritoryCode(level: Level, raw: string): string | null {
	const code = raw.trim().toUpperCase();
	if (level === 'national') return code === 'FR' || code === 'FRANCE' || code === 'FRA' ? 'FR' : null;
	if (level === 'region') {
		const m = /^R?(\d{1,2})$/.exec(code);
		return m ? `R${m[1].padStart(2, '0')}` : null;
	}
	const m = /^D?(\d{1,3}|2A|2B)$/.exec(code);
	if (!m) return null;
	// Spreadsheets drop leading zeros: `1` is Ain (01).
	return `D${/^\d$/.test(m[1]) ? m[1].padStart(2, '0') : m[1]}`;
}
