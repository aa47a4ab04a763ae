/**
 * The site's main sections, shown in the header navigation, the footer and the breadcrumbs: one
 * list so that the three always agree. Pure; the header marks the section of the current path.
 */
export interface NavEntry {
	label: string;
	href: string;
	/** Path prefixes that belong to the section (its own page first). */
	prefixes: string[];
}

export const NAV_ENTRIES: readonly NavEntry[] = [
	{ label: 'Politiques', href: '/politiques', prefixes: ['/politiques', '/indicateurs'] },
	{ label: 'Territoires', href: '/territoires', prefixes: ['/territoires'] },
	{ label: 'Comparer', href: '/comparer', prefixes: ['/comparer'] },
	{ label: 'Programmes', href: '/programmes', prefixes: ['/programmes'] },
	{ label: 'Données', href: '/donnees', prefixes: ['/donnees'] }
];

const within = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(prefix + '/');

/**
 * `aria-current` for an entry: `page` on the section's own page, `true` anywhere inside it,
 * undefined elsewhere (the home page belongs to no section).
 */
export function currentMark(entry: NavEntry, pathname: string): 'page' | 'true' | undefined {
	if (pathname === entry.href) return 'page';
	return entry.prefixes.some((p) => within(pathname, p)) ? 'true' : undefined;
}

/** The breadcrumb's first two steps for a page of a section: Accueil › section. */
export function sectionTrail(href: string): { label: string; href: string }[] {
	const entry = NAV_ENTRIES.find((e) => e.href === href);
	if (!entry) throw new Error(`unknown section ${href}`);
	return [
		{ label: 'Accueil', href: '/' },
		{ label: entry.label, href: entry.href }
	];
}
