/**
 * The French sentences said about a source: its licence (from the structured `licence_id` and
 * `licence_verifiee` of sources.csv), its date (« non datée » when it gives none), and the date of
 * the data the site shows. Pages, downloads and the seed builder all word them here, so a source
 * reads the same everywhere and no curator note reaches a page.
 */
import { formatOn, formatUpdated } from './format';

/**
 * Values of the `licence_id` column: `etalab-2.0` (Licence Ouverte / Etalab 2.0), `droit-auteur`
 * (text under copyright: only figures are taken), `inconnue` (the source states no licence).
 */
export const LICENCE_IDS = ['etalab-2.0', 'droit-auteur', 'inconnue'] as const;
export type LicenceId = (typeof LICENCE_IDS)[number];

export const isLicenceId = (value: string): value is LicenceId => (LICENCE_IDS as readonly string[]).includes(value);

export interface SourceTerms {
	/** Null for a source described without the structured columns (older files): `licence` is shown as written. */
	licenceId: LicenceId | null;
	/** Whether the licence was read in the source itself (a licence file, the page's legal notice). */
	licenceVerified: boolean | null;
	/** The free-text licence of the file, used only when `licenceId` is null. */
	licence: string;
}

export const ETALAB_NAME = 'Licence Ouverte / Etalab 2.0';
const TO_CONFIRM = 'licence non vérifiée : à confirmer auprès du producteur avant réutilisation';

/** The sentence under a figure or a source line: « Licence Ouverte / Etalab 2.0 », … */
export function licenceSentence(terms: SourceTerms): string {
	switch (terms.licenceId) {
		case 'etalab-2.0':
			return terms.licenceVerified ? ETALAB_NAME : `${ETALAB_NAME} en principe (site public) ; ${TO_CONFIRM}`;
		case 'droit-auteur':
			return 'Texte protégé par le droit d’auteur : seuls des chiffres et de courts libellés en sont repris';
		case 'inconnue':
			return `Licence non précisée par la source ; ${TO_CONFIRM}`;
		default:
			return terms.licence.trim();
	}
}

/** Short form, for an indicator whose figures come from several sources: « droit d’auteur (chiffres seuls) ». */
export function licenceLabel(terms: SourceTerms): string {
	switch (terms.licenceId) {
		case 'etalab-2.0':
			return terms.licenceVerified ? ETALAB_NAME : `${ETALAB_NAME} (non vérifiée)`;
		case 'droit-auteur':
			return 'droit d’auteur (chiffres seuls repris)';
		case 'inconnue':
			return 'licence non précisée (à vérifier)';
		default:
			return terms.licence.trim();
	}
}

/** The licences of several sources in one line, each named once, Etalab first. */
export function licencesLine(terms: SourceTerms[]): string {
	const labels = [...new Set(terms.map(licenceLabel))];
	labels.sort((a, b) => Number(b === ETALAB_NAME) - Number(a === ETALAB_NAME));
	return labels.length > 1 ? `selon la source : ${labels.join(' ; ')}` : (labels[0] ?? '');
}

/** `2021-11-24` → « mise à jour le 24 novembre 2021 »; no date → « non datée ». */
export function sourceDate(updatedAt: string | null | undefined): string {
	return updatedAt ? formatUpdated(updatedAt) : 'non datée';
}

/**
 * The date of the data the site shows: the newest date of update of its sources, never the day the
 * store was built. « Données mises à jour le 13 novembre 2025 (dernière mise à jour de leurs sources) ».
 */
export function dataDateLine(newestSourceDate: string | null | undefined): string {
	return newestSourceDate
		? `Données mises à jour ${formatOn(newestSourceDate)} (dernière mise à jour de leurs sources)`
		: 'Date des données non précisée par leurs sources';
}
