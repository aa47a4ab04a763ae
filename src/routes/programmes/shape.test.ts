import { describe, expect, it } from 'vitest';
import type { PageData, ProgrammeSource, ProgrammeValue } from '$lib/server/queries/programmes';
import { byDate, createFigures, dateLabel } from './shape';

const value = (over: Partial<ProgrammeValue>): ProgrammeValue => ({
	indicator: 'a',
	level: 'national',
	territory: 'FR',
	inseeCode: 'FR',
	territoryName: 'France',
	date: '2020',
	value: 1,
	qualifier: null,
	sourceIds: [],
	note: null,
	...over
});

const indicator = (code: string, over: Partial<PageData['indicators'][number]> = {}): PageData['indicators'][number] => ({
	code,
	name: `Indicateur ${code}`,
	description: null,
	unit: 'EUR',
	direction: 'neutre',
	note: null,
	producer: `Producteur ${code}`,
	licence: 'Licence Ouverte / Etalab 2.0',
	sourceUrl: 'https://example.org',
	sourceUpdatedAt: '2023-01-19',
	sourceIds: [],
	policyId: 'p',
	policyName: 'P',
	...over
});

const source = (id: string): ProgrammeSource => ({ id, producer: `Prod ${id}`, title: `Titre ${id}`, url: null, licence: `Licence ${id}`, licenceId: null, licenceVerified: null, updatedAt: null, note: null });

describe('dates', () => {
	it('says « non datée » for an undated figure and reads monthly series by month', () => {
		expect(dateLabel('')).toBe('non datée');
		expect(dateLabel('2021-11-24')).toBe('24 novembre 2021');
		expect(dateLabel('2024-07-01', { monthly: true })).toBe('juillet 2024');
		expect(['', '2022', '2021-11'].map((date) => ({ date })).sort(byDate).map((d) => d.date)).toEqual(['2021-11', '2022', '']);
	});
});

describe('figures of a page', () => {
	const values = [
		value({ indicator: 'a', date: '2021', value: 800_000_000, qualifier: '>', sourceIds: ['F2'] }),
		value({ indicator: 'a', date: '', value: 2, sourceIds: [] }),
		value({ indicator: 'b', date: '2020', value: 3 }),
		value({ indicator: 'c', date: '2019', value: 4 })
	];
	const data: PageData = {
		indicators: [indicator('a', { sourceIds: ['F1'], note: 'Deux périmètres.' }), indicator('b'), indicator('c')],
		values,
		targets: []
	};

	it('prints values with their qualifier and lists each value’s own source, else its indicator’s', () => {
		const f = createFigures(data, [source('F1'), source('F2')]);
		const table = f.table('A', f.values('a'));
		expect(table.rows.map((r) => [r.display.replace(/\u00a0|\u202f/g, ' '), r.dateLabel, r.sources])).toEqual([
			['plus de 800 M€', '2021', ['F2']],
			['2 €', 'non datée', ['F1']]
		]);
		expect(table.sources.map((s) => s.id)).toEqual(['F2', 'F1']);
		expect(table.notes).toEqual(['Indicateur a : Deux périmètres.']);
	});

	it('gives the indicator’s producer line when no detailed source is cited', () => {
		const f = createFigures(data, []);
		expect(f.sourceLines(f.values('b'))).toEqual([
			{ id: null, producer: 'Producteur b', title: 'données publiées', url: 'https://example.org', licence: 'Licence Ouverte / Etalab 2.0', updatedAt: '2023-01-19' }
		]);
	});

	it('hands what no section showed to « Autres chiffres publiés », once', () => {
		const f = createFigures(data, []);
		f.values('a');
		f.values('b');
		expect(f.rest().map((v) => v.indicator)).toEqual(['c']);
		expect(f.rest()).toEqual([]);
	});
});
