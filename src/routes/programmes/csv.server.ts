/**
 * The programme pages' downloads. Values: the canonical value columns, then the source's
 * qualifier, source ids and note (columns of the same `valeurs.csv` Table Schema), so a « plus de
 * 800 M€ » never becomes a bare 800 000 000 and the file can still be imported back as is. Lists
 * (labs, FTAP projects, survey waves) and targets: one row per item, with plain French columns.
 */
import { toCsv } from '$lib/csv/write';
import { VALUE_EXPORT_COLUMNS } from '$lib/server/export';
import type { FtapProject, Lab, ProgrammeIndicator, ProgrammeTarget, ProgrammeValue, SppEngagement, SurveyWave } from '$lib/server/queries/programmes';

export const VALUE_CSV_COLUMNS = [...VALUE_EXPORT_COLUMNS, 'qualificatif', 'source_id', 'note'] as const;

export function valuesCsv(indicators: ProgrammeIndicator[], values: ProgrammeValue[]): string {
	const byCode = new Map(indicators.map((i) => [i.code, i]));
	return toCsv(
		VALUE_CSV_COLUMNS,
		values.map((v) => {
			const indicator = byCode.get(v.indicator);
			return [v.indicator, indicator?.name ?? '', v.level, v.inseeCode, v.territoryName, v.date, v.value, indicator?.unit ?? '', v.qualifier, v.sourceIds.join(';'), v.note];
		})
	);
}

export const TARGET_CSV_COLUMNS = ['indicateur_id', 'maille', 'code_territoire', 'type', 'date', 'valeur', 'qualificatif', 'source_id', 'note'] as const;

/** National targets, in the canonical `cibles.csv` columns. */
export function targetsCsv(targets: ProgrammeTarget[]): string {
	return toCsv(
		TARGET_CSV_COLUMNS,
		targets.map((t) => [t.indicator, 'national', 'FR', t.kind, t.date, t.value, t.qualifier, t.sourceIds.join(';'), t.note])
	);
}

export const LAB_CSV_COLUMNS = [
	'entite_id',
	'nom',
	'code_region',
	'region',
	'porteur',
	'partenaires',
	'annee_creation',
	'base_annee_creation',
	'annees_creation_selon_sources',
	'divergence_creation',
	'ouverture',
	'laureat_pia_2016',
	'statut',
	'indicateurs',
	'source_id'
] as const;

export function labsCsv(labs: Lab[]): string {
	return toCsv(
		LAB_CSV_COLUMNS,
		labs.map((l) => [
			l.id,
			l.name,
			l.regionCode,
			l.regionName,
			l.host,
			l.partners,
			l.creationYear,
			l.creationYearBasis,
			l.creationYearsBySource.map((c) => `${c.year} (${c.source})`).join(';'),
			l.creationConflictNote,
			l.opening,
			l.pia2016Laureate,
			l.statusNote,
			l.indicators.join(';'),
			l.sourceIds.join(';')
		])
	);
}

export const PROJECT_CSV_COLUMNS = ['entite_id', 'nom', 'date', 'appel', 'porteur', 'domaine', 'montant_eur', 'qualificatif_montant', 'note', 'source_id'] as const;

export function projectsCsv(projects: FtapProject[]): string {
	return toCsv(
		PROJECT_CSV_COLUMNS,
		projects.map((p) => [p.id, p.name, p.date, p.round, p.carrier, p.policyDomain, p.amountEur, p.amountQualifier, p.note, p.sourceIds.join(';')])
	);
}

export const WAVE_CSV_COLUMNS = [
	'entite_id',
	'enquete',
	'vague',
	'terrain',
	'publication',
	'institut',
	'commanditaire',
	'echantillon',
	'qualificatif_echantillon',
	'evenements_de_vie',
	'note',
	'source_id'
] as const;

export function wavesCsv(waves: SurveyWave[]): string {
	return toCsv(
		WAVE_CSV_COLUMNS,
		waves.map((w) => [w.described ? w.id : '', w.survey, w.year, w.fieldwork, w.publication, w.institute, w.commissioner, w.sampleSize, w.sampleQualifier, w.lifeEvents, w.note, w.sourceIds.join(';')])
	);
}

export function csvResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`
		}
	});
}

export const ENGAGEMENT_CSV_COLUMNS = ['entite_id', 'numero', 'engagement', 'date', 'source_id'] as const;

/** The Services Publics+ engagements the sources name, in their words, with the date of the page naming them. */
export function engagementsCsv(engagements: SppEngagement[]): string {
	return toCsv(ENGAGEMENT_CSV_COLUMNS, engagements.map((e) => [e.id, e.number, e.text, e.date, e.sourceIds.join(';')]));
}
