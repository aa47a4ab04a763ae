import { describe, expect, it } from 'vitest';
import type { CompareCell, CompareIndicator } from '$lib/server/queries/compare';
import { chartTitle, comparisonSummary, evolutionText, gapText, perCapitaText, periodSpan, rankRule } from './textes';

/** French number spaces (U+202F, U+00A0) as plain spaces, for readable expectations. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

const cell = (code: string, value: number | null, date: string | null, more: Partial<CompareCell> = {}): CompareCell => ({
	code,
	date,
	value,
	qualifier: null,
	perCapita: null,
	gap: null,
	gapDatesDiffer: false,
	target: null,
	rate: null,
	status: null,
	verdict: { status: null, judged: null, judgedAt: null, outdated: null, degenerate: null, targetDate: null },
	rank: null,
	peers: null,
	series: value !== null && date !== null ? [{ date, value }] : [],
	...more
});

const NAMES: Record<string, string> = { R84: 'Auvergne-Rhône-Alpes', R93: 'Provence-Alpes-Côte d’Azur', D2A: 'Corse-du-Sud', FR: 'France' };
const nameOf = (code: string) => NAMES[code];

const rate = (cells: CompareCell[], direction: CompareIndicator['direction'] = 'hausse') => ({
	name: 'Taux de couverture des +18 ans',
	unit: '%',
	direction,
	perCapita: false,
	cells
});

describe('labels', () => {
	it('per 100 000 inhabitants without decimals from 100 on; gaps in points for rates, per 100 000 for amounts', () => {
		expect(plain(perCapitaText(1234.567, 'nombre'))).toBe('1 235');
		expect(plain(perCapitaText(12.345, 'nombre'))).toBe('12,35');
		expect(perCapitaText(null, 'nombre')).toBe('—');
		expect(plain(gapText({ unit: '%', perCapita: false }, { gap: -3.25 }))).toBe('−3,25 pts');
		expect(plain(gapText({ unit: '%', perCapita: false }, { gap: 1.5 }))).toBe('+1,5 pt');
		expect(plain(gapText({ unit: 'nombre', perCapita: true }, { gap: 1234.5 }))).toBe('+1 235');
		expect(plain(gapText({ unit: 'km', perCapita: false }, { gap: -12 }))).toBe('−12 km');
		expect(gapText({ unit: '%', perCapita: false }, { gap: null })).toBe('—');
	});

	it('the rank rule follows the direction', () => {
		expect(rankRule('hausse')).toBe('une valeur plus élevée est meilleure');
		expect(rankRule('baisse')).toBe('une valeur plus basse est meilleure');
		expect(rankRule('neutre')).toBe('sans sens défini, 1er = la valeur la plus élevée');
	});

	it('spoken evolution, period span and chart title', () => {
		const i = rate([
			cell('R84', 60, '2024-05', { series: [{ date: '2019-01', value: 50 }, { date: '2024-05', value: 60 }] }),
			cell('D2A', null, null),
			cell('FR', 55.5, '2024-05', { series: [{ date: '2020', value: 52 }, { date: '2024-05', value: 55.5 }] })
		]);
		expect(plain(evolutionText(i, nameOf))).toBe('Auvergne-Rhône-Alpes : 50 % en janvier 2019, 60 % en mai 2024 ; France : 52 % en 2020, 55,5 % en mai 2024');
		expect(periodSpan(i)).toBe('janvier 2019 – mai 2024');
		expect(periodSpan(rate([cell('R84', null, null)]))).toBe('');
		expect(chartTitle(i, ['Auvergne-Rhône-Alpes', 'Corse-du-Sud'])).toBe('Taux de couverture des +18 ans — évolution comparée : Auvergne-Rhône-Alpes, Corse-du-Sud');
		expect(chartTitle({ name: 'Nombre de morts', perCapita: true }, ['A', 'B'])).toBe('Nombre de morts — évolution comparée pour 100 000 habitants : A, B');
	});
});

describe('comparisonSummary', () => {
	it('one date: lowest to highest, the most favourable end named, France as the reference', () => {
		const cells = [cell('R84', 92.1, '2024-05'), cell('R93', 88, '2024-05'), cell('D2A', 85, '2024-05'), cell('FR', 90, '2024-05')];
		expect(plain(comparisonSummary(rate(cells), nameOf, 'FR'))).toBe(
			'Mai 2024 : de 85 % (Corse-du-Sud) à 92,1 % (Auvergne-Rhône-Alpes, valeur la plus favorable) ; France : 90 %.'
		);
		expect(plain(comparisonSummary(rate(cells, 'baisse'), nameOf, 'FR'))).toBe(
			'Mai 2024 : de 85 % (Corse-du-Sud, valeur la plus favorable) à 92,1 % (Auvergne-Rhône-Alpes) ; France : 90 %.'
		);
	});

	it('dates given per territory when they differ, ties named together, qualifiers kept', () => {
		const cells = [
			cell('R84', 5, '2023', { qualifier: '<' }),
			cell('R93', 5, '2024', { qualifier: '<' }),
			cell('D2A', 7, '2024'),
			cell('FR', 6, '2022')
		];
		expect(plain(comparisonSummary(rate(cells, 'neutre'), nameOf, 'FR'))).toBe(
			'Dernières valeurs : de < 5 % (Auvergne-Rhône-Alpes et Provence-Alpes-Côte d’Azur, 2023, 2024) à 7 % (Corse-du-Sud, 2024) ; France : 6 % (2022).'
		);
	});

	it('amounts per 100 000 inhabitants; France among the chosen territories is not a reference', () => {
		const count = {
			name: 'Nombre de morts',
			unit: 'nombre',
			direction: 'baisse' as const,
			perCapita: true,
			cells: [cell('D2A', 12, '2023', { perCapita: 7.5 }), cell('FR', 3200, '2023', { perCapita: 4.71 })]
		};
		expect(plain(comparisonSummary(count, nameOf, null))).toBe('2023, pour 100 000 habitants : de 4,71 (France, valeur la plus favorable) à 7,5 (Corse-du-Sud).');
	});

	it('equal values, and missing ones', () => {
		const same = [cell('R84', 50, '2024'), cell('R93', 50, '2024'), cell('FR', null, null)];
		expect(plain(comparisonSummary(rate(same), nameOf, 'FR'))).toBe('2024 : 50 % pour chacun des territoires comparés ; pas de valeur pour la France.');
		expect(plain(comparisonSummary(rate([cell('R84', 50, '2024'), cell('R93', null, null)]), nameOf, null))).toBe('2024 : 50 % (Auvergne-Rhône-Alpes).');
		expect(plain(comparisonSummary(rate([cell('R84', null, null), cell('FR', 3, '2024')]), nameOf, 'FR'))).toBe(
			'Aucune valeur comparable pour ces territoires ; France : 3 % (2024).'
		);
	});
});
