import { getClient } from '$lib/server/db';
import { gapItems } from '../gaps';
import { territoriesAt } from '$lib/server/queries/facts';
import { labs, pageFigures, sourceGaps, sourcesByIds } from '$lib/server/queries/programmes';
import { compareFr } from '$lib/format';
import { LAB_CSV_COLUMNS, VALUE_CSV_COLUMNS } from '../csv.server';
import { atDate, byDate, createFigures, dateLabel } from '../shape';
import { creation, creationYears, labsByRegion, outsideStateNetwork, regionLabel, yesNoInWords } from './shape';

/** Figures of the whole network, by table (anything else of the page goes to « Autres chiffres »). */
const NETWORK_OTHERS = ['labs-nb-labs-innovation-publique-reseau-ditp', 'labs-nb-nouveaux-labs-crees', 'labs-nb-labs-cohorte-2017-encore-actifs'];
const ACTIVITY = ['labs-nb-projets-menes', 'labs-nb-projets-accompagnes', 'labs-nb-actions-formation', 'labs-nb-agents-dedies', 'labs-nb-agents-recrutes'];
const FUNDING = ['labs-financement-initial-par-lab', 'relance-labs-enveloppe', 'relance-labs-enveloppe-engagee', 'relance-labs-financement-par-lab'];
const PIA_2016 = [
	'labs-nb-projets-deposes-aap-pia',
	'labs-nb-candidatures-aap-pia',
	'labs-nb-laureats-aap-pia',
	'labs-nb-laureats-pia-dans-la-region',
	'labs-budget-max-projet-aap-pia',
	'labs-taux-cofinancement-pia-18-premiers-mois'
];

/** Everything the programme page shows, shaped from the store; its embeddable figures take slices of it. */
export function labsPage() {
	const client = getClient();
	const data = pageFigures(client, 'laboratoires');
	const labList = labs(client);
	const f = createFigures(
		data,
		sourcesByIds(client, [
			...data.values.flatMap((v) => v.sourceIds),
			...data.indicators.flatMap((i) => i.sourceIds),
			...labList.flatMap((l) => l.sourceIds)
		])
	);
	const regions = labsByRegion(territoriesAt(client, 'region'), labList);

	const list = labList
		.map((l) => ({
			id: l.id,
			name: l.name,
			regionCode: l.regionCode,
			regionName: l.regionName,
			host: l.host,
			partners: l.partners,
			creation: creation(l),
			opening: l.opening,
			pia2016: yesNoInWords(l.pia2016Laureate),
			statusNote: l.statusNote,
			active: l.activeAccordingTo ? `cité parmi les laboratoires actifs ${atDate(l.activeAccordingTo.date)} (${l.activeAccordingTo.source})` : null,
			network: !outsideStateNetwork(l),
			sources: l.sourceIds
		}))
		.sort((a, b) => compareFr(a.name, b.name));

	const newLabs = labList
		.filter((l) => creationYears(l).some((y) => y === 2021 || y === 2022))
		.map((l) => ({ id: l.id, name: l.name, regionName: l.regionName, creation: creation(l), opening: l.opening, network: !outsideStateNetwork(l), statusNote: l.statusNote, sources: l.sourceIds }))
		.sort((a, b) => compareFr(a.name, b.name));

	// Each lab's own figures: the indicators its entity lists (at the level of its région).
	const own = labList
		.filter((l) => l.indicators.length)
		.sort((a, b) => compareFr(a.name, b.name))
		.flatMap((l) => l.indicators.flatMap((code) => f.values(code)).map((v) => ({ lab: l.name, value: v })));

	const size = f.values('labs-nb-labs-reseau', 'national');
	const withLab = regions.filter((r) => r.labs.length > 0);
	const most = Math.max(0, ...regions.map((r) => r.labs.length));
	const mostLabs = regions.filter((r) => most > 0 && r.labs.length === most);
	const stateLabs = list.filter((l) => l.network).length;
	const take = (codes: string[]) => codes.flatMap((code) => f.values(code));

	return {
		gaps: gapItems(sourceGaps(client, 'laboratoires')),
		regions: regions.map((r) => ({ ...r, label: regionLabel(r) })),
		mapSummary:
			`Les sources identifient ${stateLabs} laboratoires d'innovation territoriale de l'État, dans ${withLab.length} régions sur ${regions.length}` +
			(mostLabs.length ? ` ; ${mostLabs.map((r) => r.name).join(', ')} en ${mostLabs.length > 1 ? 'comptent' : 'compte'} ${most}` : '') +
			` ; ${regions.length - withLab.length} régions n'en ont aucun d'identifié.`,
		labs: list,
		labSources: f.sourceLinesOf(labList.flatMap((l) => l.sourceIds)),
		counts: { listed: labList.length, state: stateLabs },
		withoutYear: list.filter((l) => l.creation.year === 'non trouvée').map((l) => l.name),
		newLabs,
		networkSize: {
			summary: size.length
				? `Selon les sources, le réseau comptait ${size
						.filter((v) => v.date)
						.map((v) => `${f.display(v)} laboratoires ${atDate(v.date)}`)
						.join(', ')}` +
					(size.some((v) => !v.date) ? ` ; une page non datée en annonce ${size.filter((v) => !v.date).map((v) => f.display(v)).join(', ')}` : '') +
					'.'
				: 'Aucun chiffre sur la taille du réseau dans les sources.',
			bars: size.map((v) => ({ key: v.date || 'non-datee', label: v.date ? dateLabel(v.date) : 'page non datée', value: v.value, display: f.display(v) })),
			table: f.table('Nombre de laboratoires du réseau selon les sources', size),
			others: f.table('Autres chiffres sur la taille du réseau', take(NETWORK_OTHERS).sort(byDate))
		},
		activity: f.table("Activité du réseau des laboratoires (chiffres d'ensemble)", take(ACTIVITY)),
		funding: f.table('Financement des laboratoires', take(FUNDING)),
		pia: f.table('Appel à projets PIA de 2016 (création des premiers laboratoires)', take(PIA_2016)),
		own: {
			labs: [...new Set(own.map((o) => o.lab))],
			rows: own.map(({ lab, value }) => ({ lab, ...f.row(value) })),
			sources: f.sourceLines(own.map((o) => o.value))
		},
		others: f.table('Autres chiffres publiés', f.rest()),
		downloads: {
			values: { rows: data.values.length, columns: VALUE_CSV_COLUMNS },
			labs: { rows: labList.length, columns: LAB_CSV_COLUMNS }
		}
	};
}

export type LabsPage = ReturnType<typeof labsPage>;
