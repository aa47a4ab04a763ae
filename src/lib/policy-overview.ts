/**
 * Shapes the policies for the overview lists (home page, /politiques): families in the site's
 * order, each with its one-line state and its policies grouped by theme, each policy reduced to
 * what a compact item shows (its headline indicator's national standing). Pure.
 */
import type { ProgressStatus, StatusVerdict } from './progress';
import { statusLine, type Noun } from './status-summary';

/** The fields of a policy the overview needs (a subset of the server's `PolicyItem`). */
export interface PolicyInput {
	id: string;
	name: string;
	family: { id: string; name: string };
	theme: { id: string; name: string } | null;
	indicators: {
		code: string;
		name: string;
		unit: string;
		latest: { date: string; value: number; qualifier: string | null } | null;
		rate: number | null;
		status: ProgressStatus | null;
		verdict: StatusVerdict;
	}[];
}

export interface OverviewPolicy {
	id: string;
	name: string;
	indicatorCount: number;
	headline: PolicyInput['indicators'][number];
}

export interface OverviewFamily {
	id: string;
	name: string;
	/** « Sur 59 politiques prioritaires : … » by the headline indicators' status. */
	line: string;
	themes: { id: string; name: string; policies: OverviewPolicy[] }[];
}

const NOUNS: Record<string, Noun> = {
	'politiques-prioritaires': ['politique prioritaire', 'politiques prioritaires'],
	'barometre-2017-2022': ['politique du baromètre 2017–2022', 'politiques du baromètre 2017–2022']
};
const DEFAULT_NOUN: Noun = ['programme ou enquête', 'programmes ou enquêtes'];

export const familyNoun = (familyId: string): Noun => NOUNS[familyId] ?? DEFAULT_NOUN;

/** `policies` in display order (as `allPolicies` returns them); policies without indicators are left out. */
export function overviewFamilies(policies: readonly PolicyInput[]): OverviewFamily[] {
	const families = new Map<string, { id: string; name: string; statuses: (ProgressStatus | null)[]; themes: Map<string, OverviewFamily['themes'][number]> }>();
	for (const p of policies) {
		const headline = p.indicators[0];
		if (!headline) continue;
		let family = families.get(p.family.id);
		if (!family) families.set(p.family.id, (family = { id: p.family.id, name: p.family.name, statuses: [], themes: new Map() }));
		family.statuses.push(headline.status);
		const themeId = p.theme?.id ?? '';
		let theme = family.themes.get(themeId);
		if (!theme) family.themes.set(themeId, (theme = { id: themeId || 'sans-theme', name: p.theme?.name ?? 'Autres', policies: [] }));
		// Only the fields an item shows: the page serialises this for hydration.
		const { code, name, unit, latest, rate, status, verdict } = headline;
		theme.policies.push({ id: p.id, name: p.name, indicatorCount: p.indicators.length, headline: { code, name, unit, latest, rate, status, verdict } });
	}
	return [...families.values()].map((f) => ({
		id: f.id,
		name: f.name,
		line: statusLine(f.statuses, familyNoun(f.id)),
		themes: [...f.themes.values()]
	}));
}
