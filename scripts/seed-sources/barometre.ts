/**
 * Dev-time: the baromètre des résultats 2017–2022 (tidy extract in ../shared/data/barometre/)
 * → canonical seed files in db/seed/barometre-2017-2022/. Values are copied as published.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, type CsvCell } from '../../src/lib/csv/write';
import { readCsvObjects } from './read-csv';

export const BAROMETRE_UPDATED_AT = '2023-01-19';
const FAMILY = ['barometre-2017-2022', 'Baromètre des résultats 2017–2022'];
const PUBLISHER = 'Gouvernement — Baromètre des résultats de l\'action publique (2017–2022)';
const LICENCE = 'Licence Ouverte / Etalab 2.0';
const SOURCE_URL = 'https://github.com/etalab/barometre-resultats';
const LEVEL: Record<string, string> = { national: 'national', region: 'region', department: 'departement' };
const FREQUENCY: Record<string, string> = { monthly: 'mensuelle', quarterly: 'trimestrielle', semiannual: 'semestrielle', yearly: 'annuelle' };
const DIRECTION: Record<string, string> = { higher_is_better: 'hausse', lower_is_better: 'baisse', unknown: 'neutre' };

/** Series the documentation calls non-cumulative but that are published cumulated (extract README, anomaly 18). */
const CUMULATIVE_DESPITE_DOC: Record<string, string> = {
	'nb-maprimerenov-valides': 'Série publiée en cumul (713 en avril 2020 → 1 317 674 en octobre 2022), bien que la documentation la dise non cumulée.',
	'nb-primes-conversion': 'Série publiée en cumul depuis 2018, bien que la documentation la dise non cumulée ; points trimestriels jusqu\'en mars 2021 puis mensuels.',
	'nb-ordonnances-delivrees': 'Cumul depuis le début de l\'année, remis à zéro chaque janvier (la documentation dit « non cumulées »).'
};
/** Reading warnings from the extract's anomaly list that change how a figure can be read. */
const WARNINGS: Record<string, string> = {
	'tx-detenus-formation': 'Les valeurs départementales reprennent celles de la direction interrégionale (DISP) : ce ne sont pas des résultats propres à chaque département.',
	'nb-heures-patrouille': 'Totaux sur douze mois en fin d\'année, plus un point isolé en janvier 2022.',
	'nb-entreprises-industrielles-agricoles': 'Série cumulée révisée à la baisse en février 2022 (9 762 → 8 555).',
	'nb-controles-clir': 'Série décumulée par la source : quelques valeurs négatives sont publiées telles quelles.',
	'nb-atteintes-personnes': 'Série décumulée par la source : quelques valeurs négatives sont publiées telles quelles.',
	'nb-atteintes-biens': 'Série décumulée par la source : quelques valeurs négatives sont publiées telles quelles.',
	'nb-amendes-delictuelles-dressees': 'Série décumulée par la source : quelques valeurs négatives sont publiées telles quelles.'
};

function isCumulative(id: string, nature: string): boolean {
	if (id in CUMULATIVE_DESPITE_DOC) return true;
	return /cumul/i.test(nature) && !/non[- ]?cumul/i.test(nature);
}

export function buildBarometreSeed(from: string, out: string): Record<string, number> {
	const policies = new Map(readCsvObjects(join(from, 'policies.csv')).map((p) => [p.policy_id, p]));
	const indicators = readCsvObjects(join(from, 'indicators.csv'));
	const orderInPolicy = new Map<string, number>();
	const indicatorRows: CsvCell[][] = indicators.map((i) => {
		const p = policies.get(i.policy_id)!;
		const order = (orderInPolicy.get(i.policy_id) ?? 0) + 1;
		orderInPolicy.set(i.policy_id, order);
		const notes = [
			i.data_nature ? `Nature des données (documentation) : ${i.data_nature}.` : '',
			CUMULATIVE_DESPITE_DOC[i.indicator_id] ?? '',
			WARNINGS[i.indicator_id] ?? ''
		].filter(Boolean);
		return [
			i.indicator_id, FAMILY[0], FAMILY[1], p.theme_slug, p.theme_name, p.policy_id, p.name, null,
			i.name, null, i.unit, i.unit_label || null, DIRECTION[i.direction] ?? 'neutre',
			isCumulative(i.indicator_id, i.data_nature) ? 'oui' : 'non', FREQUENCY[i.frequency] ?? null,
			`${i.source || 'Producteur non documenté'} ; publié par : ${PUBLISHER}`, LICENCE, SOURCE_URL, BAROMETRE_UPDATED_AT, null,
			notes.join(' ') || null, order
		];
	});
	const values: CsvCell[][] = readCsvObjects(join(from, 'values.csv')).map((v) => [v.indicator_id, LEVEL[v.level], v.territory_code, v.date, v.value]);
	const targets: CsvCell[][] = [];
	for (const t of readCsvObjects(join(from, 'targets.csv'))) {
		const level = LEVEL[t.level];
		if (t.initial_date && t.initial_value !== '') targets.push([t.indicator_id, level, t.territory_code, 'initiale', t.initial_date, t.initial_value]);
		if (t.target_date && t.target_value !== '') targets.push([t.indicator_id, level, t.territory_code, 'cible', t.target_date, t.target_value]);
	}
	mkdirSync(out, { recursive: true });
	writeFileSync(
		join(out, 'indicateurs.csv'),
		toCsv(['indicateur_id', 'famille_id', 'famille', 'theme_id', 'theme', 'politique_id', 'politique', 'axe', 'nom', 'description', 'unite', 'unite_libelle', 'sens', 'cumulatif', 'frequence', 'producteur', 'licence', 'url_source', 'date_mise_a_jour', 'source_id', 'note', 'ordre'], indicatorRows, { raw: true })
	);
	writeFileSync(join(out, 'valeurs.csv'), toCsv(['indicateur_id', 'maille', 'code_territoire', 'date', 'valeur'], values, { raw: true }));
	writeFileSync(join(out, 'cibles.csv'), toCsv(['indicateur_id', 'maille', 'code_territoire', 'type', 'date', 'valeur'], targets, { raw: true }));
	return { indicateurs: indicatorRows.length, valeurs: values.length, cibles: targets.length };
}
