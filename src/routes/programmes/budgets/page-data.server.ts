import { getClient } from '$lib/server/db';
import { gapItems } from '../gaps';
import { ftapProjects, pageFigures, sourceGaps, sourcesByIds } from '$lib/server/queries/programmes';
import { formatQualified } from '$lib/components/programmes/qualificatif';
import { compareFr, formatNumber, formatPercent } from '$lib/format';
import { PROJECT_CSV_COLUMNS, VALUE_CSV_COLUMNS } from '../csv.server';
import { atDate, byDate, createFigures, dateLabel } from '../shape';
import { callRows, creditYears, type CreditLine, type CreditYear } from './shape';

/** The calls table's columns, in reading order: applications, then laureates. */
const CALL_COLUMNS = [
	{ code: 'ftap-nb-candidatures', label: 'Dossiers de candidature' },
	{ code: 'ftap-montant-demande', label: 'Montant demandé au fonds' },
	{ code: 'ftap-cout-total-projets-candidats', label: 'Coût total des projets candidats' },
	{ code: 'ftap-nb-laureats', label: 'Projets lauréats' },
	{ code: 'ftap-montant-attribue', label: 'Montant attribué' }
] as const;
const CALL_OTHERS = [
	'ftap-nb-ministeres-candidats',
	'ftap-nb-organismes-candidats',
	'ftap-nb-administrations-deconcentrees-candidates',
	'ftap-part-projets-numeriques-deposes',
	'ftap-montant-attribue-en-cours-annee',
	'ftap-nb-projets-finances-en-cours-annee'
];
const ENVELOPES = [
	'ftap-dotation-annoncee',
	'ftap-enveloppe-annuelle',
	'ftap-enveloppe-totale-lfi-2022',
	'ftap2-enveloppe',
	'ftap-taille-minimale-projet',
	'ftap-territorial-enveloppe-prefets',
	'ftap-territorial-enveloppe-complementaire',
	'ftap-territorial-seuil-eligibilite'
];
const TOTALS = [
	'ftap-nb-projets-laureats-cumules',
	'ftap-montant-investi-cumule',
	'ftap-nb-entites-beneficiaires',
	'ftap-nb-projets-soutenus-page-non-datee',
	'ftap-montant-investi-page-non-datee',
	'ftap2-montant-investi-annuel',
	'ftap-part-projets-acheves'
];
const LINE_NAMES: Record<CreditLine, string> = { ae: "autorisations d'engagement (AE)", cp: 'crédits de paiement (CP)' };

const euros = (v: { value: number; qualifier: string | null } | null) => (v ? formatQualified(v.value, 'EUR', v.qualifier) : null);

function creditSummary(rows: CreditYear[], line: CreditLine): string {
	const rated = rows.filter((r) => r.rate !== null);
	const name = LINE_NAMES[line];
	if (rated.length === 0) return `Pas de consommation publiée pour les ${name}.`;
	const last = rated.at(-1)!;
	const lo = rated.reduce((a, b) => (b.rate! < a.rate! ? b : a));
	const hi = rated.reduce((a, b) => (b.rate! > a.rate! ? b : a));
	return (
		`${name[0].toUpperCase()}${name.slice(1)} : en ${last.year}, ${euros(last.consumed)} consommés sur ${euros(last.opened)} ouverts et ${euros(last.voted) ?? 'un montant non publié'} votés en loi de finances initiale, ` +
		`soit un taux de consommation de ${formatPercent(last.rate, { decimals: 1 })} (calculé par Baromètre : consommés ÷ ouverts) ; ` +
		`de ${rated[0].year} à ${last.year}, ce taux va de ${formatPercent(lo.rate, { decimals: 1 })} (${lo.year}) à ${formatPercent(hi.rate, { decimals: 1 })} (${hi.year}).`
	);
}

/** Everything the programme page shows, shaped from the store; its embeddable figures take slices of it. */
export function budgetsPage() {
	const client = getClient();
	const data = pageFigures(client, 'budgets');
	const projects = ftapProjects(client);
	const f = createFigures(
		data,
		sourcesByIds(client, [...data.values.flatMap((v) => v.sourceIds), ...data.indicators.flatMap((i) => i.sourceIds), ...projects.flatMap((p) => p.sourceIds)])
	);
	const take = (codes: string[]) => codes.flatMap((code) => f.values(code));

	// Calls for projects.
	const callValues = take(CALL_COLUMNS.map((c) => c.code));
	const calls = callRows(callValues, CALL_COLUMNS.map((c) => c.code)).map((row) => ({
		date: row.date,
		dateLabel: dateLabel(row.date),
		call: row.call,
		notes: [
			...row.otherDates.map((o) => `${CALL_COLUMNS.find((c) => c.code === o.indicator)?.label ?? o.indicator} : chiffre ${atDate(o.date)}`),
			...row.notes
		],
		cells: Object.fromEntries(CALL_COLUMNS.map((c) => [c.code, row.cells[c.code] ? f.display(row.cells[c.code]!) : null])) as Record<string, string | null>,
		awarded: row.cells['ftap-montant-attribue']
	}));
	const awarded = calls.filter((c) => c.awarded);
	const withoutAmount = calls.filter((c) => !c.awarded && c.cells['ftap-nb-laureats']);
	const lowest = awarded.reduce<(typeof awarded)[number] | null>((a, b) => (!a || b.awarded!.value < a.awarded!.value ? b : a), null);
	const highest = awarded.reduce<(typeof awarded)[number] | null>((a, b) => (!a || b.awarded!.value > a.awarded!.value ? b : a), null);
	const callLabel = (c: (typeof calls)[number]) => `${c.call ?? 'appel'}, ${c.dateLabel}`;
	const withCall = (c: (typeof calls)[number]) => `${c.cells['ftap-montant-attribue']} (${callLabel(c)})`;

	// Credits of the programme 349.
	const creditValues = f.take((v) => /^ftap-p349-(total|action-01)-(lfi|ouverts|consommes)-(ae|cp)$/.test(v.indicator) && /^\d{4}$/.test(v.date));
	const credits = (line: CreditLine) => {
		const rows = creditYears(creditValues, line);
		const used = rows.flatMap((r) => [r.voted, r.opened, r.consumed].filter((v) => v !== null));
		return {
			summary: creditSummary(rows, line),
			groups: rows.map((r) => ({ key: r.year, label: r.year, values: { lfi: r.voted?.value ?? null, ouverts: r.opened?.value ?? null, consommes: r.consumed?.value ?? null } })),
			rows: rows.map((r) => ({
				year: r.year,
				perimeter: r.perimeter === 'programme' ? 'programme 349 (toutes actions)' : 'action 01 (FTAP)',
				voted: r.voted ? f.display(r.voted, { millions: true }) : null,
				opened: r.opened ? f.display(r.opened, { millions: true }) : null,
				consumed: r.consumed ? f.display(r.consumed, { millions: true }) : null,
				rate: r.rate === null ? null : formatPercent(r.rate, { decimals: 1 }),
				notes: [...new Set([r.voted, r.opened, r.consumed].flatMap((v) => (v?.note ? [v.note] : [])))]
			})),
			sources: f.sourceLines(used)
		};
	};
	const ae = credits('ae');
	const cp = credits('cp');
	const creditNotes = [...new Set(['ftap-p349-action-01-ouverts-ae'].map((c) => f.indicator(c)?.note).filter((n): n is string => !!n))];
	const yearToDate = f.take((v) => /^ftap-p349-.*-a-date$/.test(v.indicator) || v.indicator === 'ftap-p349-total-lfi-credits').sort(byDate);
	const byAction = f.take((v) => /^ftap-p349-action-0[2-9]-lfi-/.test(v.indicator) || (/^ftap-p349-action-01-lfi-/.test(v.indicator) && v.date >= '2022'));

	// Laureate projects found.
	const sortedProjects = [...projects].sort((a, b) => (b.amountEur ?? -1) - (a.amountEur ?? -1) || compareFr(a.name, b.name));
	const withAmount = sortedProjects.filter((p) => p.amountEur !== null);
	const peek = (code: string) => data.values.filter((v) => v.indicator === code).sort(byDate);
	const cumulative = peek('ftap-nb-projets-laureats-cumules').at(-1);
	const supported = peek('ftap-ccomptes-nb-projets-soutenus').at(-1);

	return {
		gaps: gapItems(sourceGaps(client, 'budgets')),
		calls: {
			columns: CALL_COLUMNS,
			rows: calls.map(({ awarded: _awarded, ...rest }) => rest),
			bars: awarded.map((c) => ({ key: c.date, label: callLabel(c), value: c.awarded!.value, display: c.cells['ftap-montant-attribue']! })),
			summary:
				awarded.length && lowest && highest
					? `Montants attribués publiés pour ${awarded.length} appels ou sélections sur ${calls.filter((c) => c.cells['ftap-nb-laureats']).length} : de ${withCall(lowest)} à ${withCall(highest)}` +
						(withoutAmount.length ? ` ; pas de montant publié pour ${withoutAmount.map(callLabel).join(', ')}.` : '.')
					: 'Aucun montant attribué publié.',
			sources: f.sourceLines(callValues),
			others: f.table('Autres chiffres des appels à projets', take(CALL_OTHERS))
		},
		credits: { ae, cp, notes: creditNotes },
		yearToDate: f.table("Exécution en cours d'exercice (situation à une date donnée)", yearToDate, { millions: true }),
		byAction: f.table('Crédits votés en loi de finances initiale, par action du programme 349', byAction, { millions: true }),
		projects: {
			rows: sortedProjects.map((p) => ({
				id: p.id,
				name: p.name,
				dateLabel: p.date ? dateLabel(p.date) : 'non datée',
				round: p.round,
				carrier: p.carrier,
				domain: p.policyDomain,
				amount: p.amountEur === null ? null : formatQualified(p.amountEur, 'EUR', p.amountQualifier),
				note: p.note,
				sources: p.sourceIds
			})),
			bars: withAmount.map((p) => ({ key: p.id, label: p.name, value: p.amountEur, display: formatQualified(p.amountEur, 'EUR', p.amountQualifier) })),
			summary:
				`${projects.length} projets lauréats trouvés dans les sources` +
				(cumulative || supported
					? ` (sur ${[cumulative && `${formatNumber(cumulative.value)} lauréats de FTAP 1 ${atDate(cumulative.date)}`, supported && `${formatNumber(supported.value)} projets soutenus depuis 2018 selon la Cour des comptes`].filter(Boolean).join(' et ')})`
					: '') +
				` ; ${withAmount.length} ont un montant publié, de ${formatQualified(withAmount.at(-1)?.amountEur, 'EUR', withAmount.at(-1)?.amountQualifier)} (${withAmount.at(-1)?.name}) à ${formatQualified(withAmount[0]?.amountEur, 'EUR', withAmount[0]?.amountQualifier)} (${withAmount[0]?.name}).`,
			count: projects.length,
			withAmount: withAmount.length,
			sources: f.sourceLinesOf(projects.flatMap((p) => p.sourceIds))
		},
		envelopes: f.table('Enveloppes et dotations du FTAP', take(ENVELOPES)),
		totals: f.table('Cumuls et bilans du FTAP', [...take(TOTALS), ...f.take((v) => v.indicator.startsWith('ftap-ccomptes-')).sort(byDate)]),
		relance: f.table('France Relance : enveloppes pour l’innovation publique et territoriale', f.take((v) => v.indicator.startsWith('relance-'))),
		others: f.table('Autres chiffres publiés', f.rest()),
		downloads: {
			values: { rows: data.values.length, columns: VALUE_CSV_COLUMNS },
			projects: { rows: projects.length, columns: PROJECT_CSV_COLUMNS }
		}
	};
}

export type BudgetsPage = ReturnType<typeof budgetsPage>;
