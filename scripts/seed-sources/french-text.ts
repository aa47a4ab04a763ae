/**
 * Dev-time: the curator's notes of ../shared/data/programmes are French typed without accents,
 * apostrophes or French dates (« inaugure le 2025-10-13 a Saint-Denis », « type AE/CP non precise »).
 * `frenchText` gives them back their written form (« inauguré le 13 octobre 2025 à Saint-Denis »):
 * listed words only (each checked against the notes where it occurs, ambiguous ones by their
 * context), elided articles, and every ISO date through src/lib/format.ts. Quotations « … » are the
 * source's own words and are left exactly as they are; so are web addresses.
 */
import { formatDay, formatMonth } from '../../src/lib/format';

/** Unaccented word → its written form, for words with one reading in these notes. */
const WORDS: Record<string, string> = {
	demarche: 'démarche', citee: 'citée', citees: 'citées', annee: 'année', barometre: 'baromètre', edition: 'édition', periode: 'période',
	precisee: 'précisée', precise: 'précisé', region: 'région', prefecture: 'préfecture', prefectures: 'préfectures', complexite: 'complexité',
	donnee: 'donnée', senat: 'Sénat', laureat: 'lauréat', laureats: 'lauréats', datee: 'datée', prefet: 'préfet', prefets: 'préfets', etat: 'État',
	selection: 'sélection', publiee: 'publiée', apres: 'après', resultats: 'résultats', ete: 'été', francais: 'Français', derniere: 'dernière',
	selectionnes: 'sélectionnés', decembre: 'décembre', fevrier: 'février', debut: 'début', enquete: 'enquête', pole: 'Pôle', numerique: 'numérique',
	geographique: 'géographique', cout: 'coût', ministere: 'ministère', operationnel: 'opérationnel', departement: 'département', creation: 'création',
	reduction: 'réduction', annoncee: 'annoncée', annoncees: 'annoncées', precedente: 'précédente', nommee: 'nommée', economise: 'économisé',
	augmentee: 'augmentée', entierement: 'entièrement', consommee: 'consommée', troisieme: 'troisième', depart: 'départ', bibliotheque: 'bibliothèque',
	experimentation: 'expérimentation', indiquee: 'indiquée', seminaires: 'séminaires', conferences: 'conférences', meme: 'même', different: 'différent',
	deposes: 'déposés', depose: 'déposé', developpes: 'développés', collectivites: 'collectivités', collectivite: 'collectivité', engagee: 'engagée',
	echantillon: 'échantillon', representatif: 'représentatif', meconnues: 'méconnues', desormais: 'désormais', telephone: 'téléphone', lancee: 'lancée',
	evaluation: 'évaluation', debutee: 'débutée', frequence: 'fréquence', consultee: 'consultée', sante: 'santé', education: 'éducation', signee: 'signée',
	regional: 'régional', ile: 'Île', installee: 'installée', reponse: 'réponse', cree: 'créé', metropole: 'métropole', validee: 'validée',
	assemblee: 'Assemblée', dedie: 'dédié', reseau: 'réseau', reunion: 'Réunion', deja: 'déjà', strategique: 'stratégique', methode: 'méthode',
	etait: 'était', echos: 'Échos', metropolitaine: 'métropolitaine', cumule: 'cumulé', ventile: 'ventilé', estime: 'estimé', fete: 'fêté',
	inaugure: 'inauguré', lance: 'lancé', attribue: 'attribué',
	communique: 'communiqué', abaisse: 'abaissé', sollicites: 'sollicités', boite: 'boîte', associes: 'associés', installe: 'installé', cites: 'cités',
	rhone: 'Rhône', comte: 'Comté'
};
/** Words that read differently by context: the phrase → its written form. */
const PHRASES: [RegExp, string][] = [
	[/\bnon donnee?\b/g, 'non donné'], // « niveau non donne », « date … non donnee » (agreement fixed below)
	[/\bdate (de [a-z ]+ )?non donné\b/g, 'date $1non donnée'],
	[/\bcite dans\b/g, 'cité dans'],
	[/\bprojet ne au\b/g, 'projet né au'],
	[/\binitialement annonce\b/g, 'initialement annoncé'],
	[/\baujourd hui\b/g, 'aujourd’hui'],
	// The curator's shorthand, as a reader would write it.
	[/\bindic_va; question: ([^;]+)/g, 'question posée aux usagers : $1'],
	[/\bperiod = date de mise a jour\b/g, 'daté de la mise à jour du jeu de données'],
	[/\bperiod = date de publication du billet\b/g, 'daté de la publication du billet'],
	[/\bcommit ([0-9a-f]{7})\b/g, 'version $1 du dépôt'],
	[/\bindicateur (IND-\d+) de l.export export-r[eé]sultats\b/g, 'indicateur $1 du jeu de données export-resultats de Services Publics+'],
	[/\(([0-9a-f]{7})\)/g, '(version $1 du dépôt)'],
	[/\ba (?=(l |la |le |les |un |une |des |[A-ZÉ\d]|chaque |projets|partir|hauteur|fin |mi-))/g, 'à ']
];

const fixWord = (w: string): string => {
	const to = WORDS[w.toLowerCase()];
	if (!to) return w;
	// Keep a capital the note had (« Prefecture de region » → « Préfecture de région »).
	return w[0] === w[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
};

const isoDay = (d: string) => formatDay(d);
function frenchDates(text: string): string {
	return text
		.replace(/\b(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})\b/g, (_, a, b) => `du ${isoDay(a)} au ${isoDay(b)}`)
		.replace(/\b(\d{4}-\d{2})\/(\d{4}-\d{2})\b/g, (_, a, b) => `de ${formatMonth(a)} à ${formatMonth(b)}`)
		.replace(/\b\d{4}-\d{2}-\d{2}\b/g, isoDay)
		.replace(/\b\d{4}-(0[1-9]|1[0-2])\b(?!-)/g, (m) => formatMonth(m));
}

function plainPart(text: string): string {
	let t = text.replace(/[A-Za-zÀ-ÿ]+/g, fixWord);
	for (const [re, to] of PHRASES) t = t.replace(re, to);
	// Elided articles the notes type with a space: « l Assemblee », « d un », « qu il ».
	t = t.replace(/\b(qu|jusqu|[lLdDnNjJsScC]) (?=[aeiouyhàâéèêîôûAEIOUYHÉÈÀÎ])/g, '$1’');
	// Amounts typed « 60 M EUR », « 1 EUR »: the euro sign.
	t = t.replace(/(\d) (M|Md) EUR\b/g, '$1\u00a0$2€').replace(/(\d) EUR\b/g, '$1\u00a0€');
	return frenchDates(t);
}

/** A note of the source folder in written French; quotations and addresses untouched. */
export function frenchText(text: string): string {
	return text
		.split(/(«[^»]*»|https?:\/\/\S+)/)
		.map((part, i) => (i % 2 ? part : plainPart(part)))
		.join('');
}
