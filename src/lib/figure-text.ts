/**
 * Sentences written under figures, shared by the pages, the embeds and the downloaded files:
 * the map's one-sentence summary with its key numbers (« Mai 2024 : 101 départements sur 101 ont
 * une valeur, de 45,2 % (Lozère) à 92,1 % (Paris). ») and an indicator's source line.
 * Pure, built on `$lib/format` through the labels the map itself shows.
 */
import { formatPeriod, formatUpdated } from '$lib/format';
import { MAILLE_LABELS, type Maille } from '$lib/url-state';

export interface MapSummaryRow {
	name: string;
	/** The value drawn (raw or per 100 000 inhabitants); null when missing. */
	value: number | null;
	/** That value as the map labels it (`45,2 %`). */
	label: string;
}

export function mapSummary({ maille, date, rows }: { maille: Maille; date: string; rows: readonly MapSummaryRow[] }): string {
	const labels = MAILLE_LABELS[maille];
	const period = formatPeriod(date);
	const when = period.charAt(0).toUpperCase() + period.slice(1);
	const known = rows.filter((r): r is MapSummaryRow & { value: number } => r.value !== null);
	if (known.length === 0) return `Aucune valeur ${labels.by} en ${period}.`;
	const total = `${known.length} ${labels[known.length > 1 ? 'plural' : 'singular']} sur ${rows.length}`;
	if (known.length === 1) return `${when} : ${total} a une valeur, ${known[0].label} (${known[0].name}).`;
	const low = known.reduce((a, b) => (b.value < a.value ? b : a));
	const high = known.reduce((a, b) => (b.value > a.value ? b : a));
	return `${when} : ${total} ont une valeur, de ${low.label} (${low.name}) à ${high.label} (${high.name}).`;
}

/** « Source : DITP, mise à jour le 29 juin 2024. Licence : Licence Ouverte / Etalab 2.0. » (or « mise à jour en novembre 2020 »). */
export function sourceLine(indicator: { producer: string; licence: string; sourceUpdatedAt: string | null }): string {
	const updated = indicator.sourceUpdatedAt ? `, ${formatUpdated(indicator.sourceUpdatedAt)}` : '';
	return `Source : ${indicator.producer}${updated}. Licence : ${indicator.licence}.`;
}
