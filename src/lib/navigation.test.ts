import { describe, expect, it } from 'vitest';
import { currentMark, NAV_ENTRIES, sectionTrail } from './navigation';

const entry = (label: string) => NAV_ENTRIES.find((e) => e.label === label)!;

describe('currentMark', () => {
	it('marks the section page itself as the current page', () => {
		expect(currentMark(entry('Politiques'), '/politiques')).toBe('page');
		expect(currentMark(entry('Territoires'), '/territoires')).toBe('page');
	});
	it('marks pages inside a section, indicator pages under Politiques', () => {
		expect(currentMark(entry('Politiques'), '/politiques/CH-080')).toBe('true');
		expect(currentMark(entry('Politiques'), '/indicateurs/IND-200')).toBe('true');
		expect(currentMark(entry('Territoires'), '/territoires/departements/2A')).toBe('true');
		expect(currentMark(entry('Données'), '/donnees/api')).toBe('true');
	});
	it('does not mark a path that only starts with the same letters, nor the home page', () => {
		expect(currentMark(entry('Politiques'), '/politiquesx')).toBeUndefined();
		for (const e of NAV_ENTRIES) expect(currentMark(e, '/')).toBeUndefined();
	});
});

describe('sectionTrail', () => {
	it('starts every breadcrumb with Accueil and the section label of the navigation', () => {
		expect(sectionTrail('/territoires')).toEqual([
			{ label: 'Accueil', href: '/' },
			{ label: 'Territoires', href: '/territoires' }
		]);
		expect(() => sectionTrail('/nulle-part')).toThrow();
	});
});
