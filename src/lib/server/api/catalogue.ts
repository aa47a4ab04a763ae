/**
 * What the /donnees page lists: per family (in the site's order), each indicator with its
 * download links, and the licence and attribution of the whole. Built from the same facts as
 * `/api/v1/indicateurs`, so the page and the API list the same indicators.
 */
import type Database from 'better-sqlite3';
import { allIndicators, type Level } from '../queries/facts';
import { familyRank } from '../queries/overview';
import { lastRelease, type ReleaseInfo } from '../queries/releases';
import { targetCounts, valueCounts } from './queries';
import { ETALAB, indicatorLinks, isEtalab, siteAttribution } from './serialise';

export interface CatalogueIndicator {
	code: string;
	name: string;
	policy: string;
	unit: string;
	levels: Level[];
	values: number;
	targets: number;
	producer: string;
	licence: string;
	openLicence: boolean;
	sourceUpdatedAt: string | null;
	links: ReturnType<typeof indicatorLinks>;
}

export interface CatalogueFamily {
	id: string;
	name: string;
	indicators: CatalogueIndicator[];
}

export interface Catalogue {
	release: ReleaseInfo | null;
	attribution: string;
	licence: typeof ETALAB;
	families: CatalogueFamily[];
	/** Indicators whose reuse conditions are not the Licence Ouverte. */
	otherLicences: number;
}


export function downloadCatalogue(client: Database.Database): Catalogue {
	const values = valueCounts(client);
	const targets = targetCounts(client);
	const families = new Map<string, CatalogueFamily>();
	let otherLicences = 0;
	for (const meta of allIndicators(client)) {
		let family = families.get(meta.family.id);
		if (!family) families.set(meta.family.id, (family = { id: meta.family.id, name: meta.family.name, indicators: [] }));
		const openLicence = isEtalab(meta.licence);
		if (!openLicence) otherLicences++;
		family.indicators.push({
			code: meta.code,
			name: meta.name,
			policy: meta.policy.name,
			unit: meta.unit,
			levels: meta.levels,
			values: values.get(meta.code) ?? 0,
			targets: targets.get(meta.code) ?? 0,
			producer: meta.producer,
			licence: meta.licence,
			openLicence,
			sourceUpdatedAt: meta.sourceUpdatedAt,
			links: indicatorLinks(meta.code)
		});
	}
	const release = lastRelease(client);
	return {
		release,
		attribution: siteAttribution(release),
		licence: ETALAB,
		families: [...families.values()].sort((a, b) => familyRank(a.id) - familyRank(b.id) || (a.id < b.id ? -1 : 1)),
		otherLicences
	};
}
