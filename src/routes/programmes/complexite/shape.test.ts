import { describe, expect, it } from 'vitest';
import type { ProgrammeIndicator, ProgrammeValue } from '$lib/server/queries/programmes';
import { comparableWaves, fieldworkText, lifeEvents } from './shape';

const v = (indicator: string, date: string, value: number, sourceIds: string[]): ProgrammeValue => ({
	indicator,
	level: 'national',
	territory: 'FR',
	inseeCode: 'FR',
	territoryName: 'France',
	date,
	value,
	qualifier: null,
	sourceIds,
	note: null
});
const ind = (code: string, name: string) => ({ code, name }) as ProgrammeIndicator;

const indicators = [
	ind('complexite-particuliers-pct-complexe-je-suis-handicape', 'Particuliers — « Je suis handicapé » : part jugeant les démarches complexes'),
	ind('complexite-particuliers-evol-pts-je-suis-handicape-vs-2016', 'Particuliers — « Je suis handicapé » : évolution depuis 2016'),
	ind('complexite-particuliers-pct-simple-je-declare-et-paie-mes-impots', 'Particuliers — « Je déclare et paie mes impôts » : part jugeant les démarches simples'),
	ind('complexite-particuliers-pct-complexe-moyenne', 'Particuliers — part jugeant les démarches complexes (moyenne des événements de vie)'),
	ind('complexite-particuliers-pct-attente-rationalisation', 'Particuliers — part citant l’attente « Rationalisation des démarches »'),
	ind('complexite-entreprises-pct-complexe-import-export', 'Entreprises — « Import / export » : part jugeant les démarches complexes')
];
const values = [
	v('complexite-particuliers-pct-complexe-je-suis-handicape', '2018', 46, ['P05']),
	v('complexite-particuliers-pct-complexe-je-suis-handicape', '2014', 42, ['P02']),
	v('complexite-particuliers-pct-complexe-je-suis-handicape', '2016', 35, ['P05']),
	v('complexite-particuliers-evol-pts-je-suis-handicape-vs-2016', '2018', 11, ['P05']),
	v('complexite-particuliers-pct-simple-je-declare-et-paie-mes-impots', '2014', 87, ['P02']),
	v('complexite-particuliers-pct-complexe-moyenne', '2018', 21, ['P01']),
	v('complexite-entreprises-pct-complexe-import-export', '2011', 19, ['P09'])
];

describe('life events', () => {
	it('groups each public’s events: complex share by wave, simple share apart, published changes with their reference wave', () => {
		const events = lifeEvents(indicators, values, 'particuliers');
		expect(events.map((e) => e.label)).toEqual(['Je suis handicapé', 'Je déclare et paie mes impôts']);
		const [handicap, impots] = events;
		expect(handicap.complex.map((x) => x.date)).toEqual(['2014', '2016', '2018']);
		expect(handicap.changes.map((c) => [c.since, c.value.value])).toEqual([['2016', 11]]);
		expect(impots.simple.map((x) => x.value)).toEqual([87]);
		expect(lifeEvents(indicators, values, 'entreprises').map((e) => e.slug)).toEqual(['import-export']);
	});

	it('joins only waves one source publishes together', () => {
		const [handicap] = lifeEvents(indicators, values, 'particuliers');
		expect(comparableWaves(handicap.complex).map((x) => x.date)).toEqual(['2016', '2018']);
		expect(comparableWaves([v('x', '2014', 1, ['P02']), v('x', '2018', 2, ['P01'])])).toEqual([]);
		expect(comparableWaves([v('x', '2014', 1, [])])).toEqual([]);
	});
});

describe('fieldwork', () => {
	it('writes fieldwork periods in words at the source’s precision', () => {
		expect(fieldworkText('2022-10-13/2022-11-26')).toBe('du 13 octobre 2022 au 26 novembre 2022');
		expect(fieldworkText('2018-12/2019-01')).toBe('de décembre 2018 à janvier 2019');
		expect(fieldworkText('printemps 2011')).toBe('printemps 2011');
		expect(fieldworkText(null)).toBeNull();
	});
});
