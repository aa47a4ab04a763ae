import { describe, expect, it } from 'vitest';
import { overviewFamilies, type PolicyInput } from './policy-overview';

const indicator = (code: string, status: PolicyInput['indicators'][number]['status']) => ({
	code,
	name: `Indicateur ${code}`,
	unit: '%',
	latest: { date: '2024-05', value: 50, qualifier: null },
	rate: 40,
	status,
	verdict: { status, judged: status, judgedAt: '2024-05', outdated: null, degenerate: null, targetDate: '2026-12' }
});
const policy = (id: string, family: string, theme: string | null, ...indicators: PolicyInput['indicators']): PolicyInput => ({
	id,
	name: `Politique ${id}`,
	family: { id: family, name: `Famille ${family}` },
	theme: theme ? { id: theme, name: theme.toUpperCase() } : null,
	// Extra fields, as the server's items carry them, must not reach the overview.
	indicators: indicators.map((i) => ({ ...i, description: 'longue description', producer: 'DITP' }))
});

describe('overviewFamilies', () => {
	it('groups policies by family then theme in input order, headline = first indicator', () => {
		const families = overviewFamilies([
			policy('A', 'politiques-prioritaires', 'sante', indicator('1', 'en-retard'), indicator('2', 'atteinte')),
			policy('B', 'politiques-prioritaires', 'culture', indicator('3', 'atteinte')),
			policy('C', 'politiques-prioritaires', 'sante', indicator('4', null)),
			policy('D', 'budgets', null, indicator('5', 'sans-cible'))
		]);
		expect(families.map((f) => f.id)).toEqual(['politiques-prioritaires', 'budgets']);
		expect(families[0].themes.map((t) => [t.name, t.policies.map((p) => p.id)])).toEqual([
			['SANTE', ['A', 'C']],
			['CULTURE', ['B']]
		]);
		expect(families[0].themes[0].policies[0]).toMatchObject({ indicatorCount: 2, headline: { code: '1' } });
		// Only what an item shows is kept (the page serialises it for hydration).
		expect(Object.keys(families[0].themes[0].policies[0].headline).sort()).toEqual(['code', 'latest', 'name', 'rate', 'status', 'unit', 'verdict']);
		expect(families[0].line).toBe('Sur 3 politiques prioritaires : 1 cible atteinte, 0 en bonne voie, 1 en retard, 1 sans cible.');
		expect(families[1].themes[0].name).toBe('Autres');
		expect(families[1].line).toBe('Sur 1 programme ou enquête : 0 cible atteinte, 0 en bonne voie, 0 en retard, 1 sans cible.');
	});
	it('leaves out a policy without indicators', () => {
		expect(overviewFamilies([policy('E', 'budgets', null)])).toEqual([]);
	});
});
