/**
 * Public pages read for issue 13 (« Fill the thin series from public sources ») with the stored-copy
 * search tool, and what they state, for scripts/seed-sources/programmes.ts. Only what the page's text
 * as read says is transcribed (its words quoted in `quote`); what the pages do not give stays a gap,
 * written as an entity `lacune` naming the page of the site it concerns and the source that would fill it.
 * Data only: the seed script checks, writes and documents it (SOURCES.md « Pages publiques lues »).
 */
import type { LicenceId } from '../../src/lib/source-text';

/** A source read here: its own title and its own date as the page states them. */
export interface ReadPage {
	id: string;
	producteur: string;
	titre: string;
	url: string;
	/** The page's publication (or last update) date as it states it, `YYYY-MM-DD`; empty when it gives none. */
	date: string;
	/** Structured licence (sources.csv `licence_id`, `licence_verifiee`), worded by src/lib/source-text.ts. */
	licence: { id: LicenceId; verified: boolean };
	note: string;
}

/** A page of a State site: public information, in principle under the Licence Ouverte; the site's legal notice not read. */
const GOV_PAGE = { id: 'etalab-2.0', verified: false } as const;
const READ = 'lu dans la copie stockée de la page (outil de recherche, décembre 2026), ouverture de la page seulement';

export const READ_PAGES: ReadPage[] = [
	{
		id: 'W01', producteur: 'DITP (modernisation.gouv.fr, Campus de la transformation publique)', titre: 'Le réseau des laboratoires d’innovation publique',
		url: 'https://www.modernisation.gouv.fr/campus-de-la-transformation-publique/catalogue-de-ressources/expert/le-reseau-des-laboratoires',
		date: '2024-11-21', licence: GOV_PAGE, note: `« Publiée le 21 novembre 2024 · Mise à jour le 10 février 2025 » ; ${READ}`
	},
	{
		id: 'W02', producteur: 'Préfecture du Val-de-Marne (val-de-marne.gouv.fr)', titre: 'Services publics + : un programme pour améliorer encore + la relation à l’usager',
		url: 'https://www.val-de-marne.gouv.fr/index.php/Publications/Services-Publics',
		date: '2024-01-23', licence: GOV_PAGE, note: `« Mis à jour le 23/01/2024 » ; ${READ} : la copie s'arrête au milieu de l'engagement n° 6`
	},
	{
		id: 'W03', producteur: 'Harris Interactive (enquête pour la DITP)', titre: 'Les Français et le droit à l’erreur — vague 3',
		url: 'https://harris-interactive.fr/opinion_polls/les-franc%CC%A7ais-et-le-droit-a-lerreur-vague-3/',
		date: '', licence: { id: 'droit-auteur', verified: false },
		note: `page sans date de publication (terrain « du 26 novembre au 3 décembre 2020 ») ; ${READ}`
	},
	{
		id: 'W04', producteur: 'DINUM (api.gouv.fr)', titre: 'API Résultats Services Publics+ (fiche du catalogue api.gouv.fr)',
		url: 'https://api.gouv.fr/documentation/api-services-publics-resultats',
		date: '', licence: GOV_PAGE,
		note: `la copie stockée ne montre que « Les fiches d'API ont été déplacées sur data.gouv.fr » (https://www.data.gouv.fr/dataservices) et la liste du catalogue : aucun résultat lisible ; ${READ}`
	},
	{
		id: 'W06', producteur: 'DITP (modernisation.gouv.fr)', titre: '[CITP] Rencontre entre le Premier ministre et les lauréats du FTAP',
		url: 'https://www.modernisation.gouv.fr/actualites/citp-rencontre-entre-le-premier-ministre-et-les-laureats-du-ftap',
		date: '2019-11-19', licence: GOV_PAGE, note: `« Actualité Publié le 19 novembre 2019 » (4e Comité interministériel de la transformation publique du 15 novembre 2019) ; ${READ}`
	},
	{
		id: 'W07', producteur: 'DINUM (api.gouv.fr)', titre: 'Direction Interministérielle de la Transformation Publique (DITP) — ses API (api.gouv.fr)',
		url: 'https://api.gouv.fr/producteurs/ditp', date: '', licence: GOV_PAGE,
		note: `page non datée ; liste les 3 API de la DITP, dont « API Resultats de qualité des services publics » ; ${READ}`
	},
	{
		id: 'W09', producteur: 'DITP (opendata.plus.transformation.gouv.fr)', titre: 'Indicateurs de résultats Services Publics Plus (jeu de données export-indicateurs)',
		url: 'https://opendata.plus.transformation.gouv.fr/explore/dataset/export-indicateurs/', date: '', licence: GOV_PAGE,
		note: `description du jeu de données, sans date ; les résultats eux-mêmes (tableau du jeu de données) ne sont pas dans la copie lue ; ${READ}`
	},
	{
		id: 'W05', producteur: 'DITP (modernisation.gouv.fr)', titre: 'Services Publics +',
		url: 'https://www.modernisation.gouv.fr/ameliorer-lexperience-usagers/services-publics',
		date: '', licence: GOV_PAGE, note: `page non datée ; « Découvrez les engagements communs aux services publics » ; ${READ} : le texte des engagements n'y figure pas`
	}
];

/** A figure a read page states, under an indicator of the seed (existing, or defined by `def`). */
export interface PageFact {
	indicator: string;
	def?: { politique_id: string; theme_id: string; nom: string; description: string };
	date: string;
	valeur: string;
	qualificatif?: string;
	source_id: string;
	quote: string;
	/** What the page says besides, in its words (kept in the note). */
	also?: string;
}

export const PAGE_FACTS: PageFact[] = [
	{
		indicator: 'labs-nb-labs-reseau', date: '2024-11-21', valeur: '16', source_id: 'W01',
		quote: "Parmi eux, 16 laboratoires interministériels d'innovation territoriale ont été créés par la DITP au sein des préfectures de Région"
	},
	{
		indicator: 'labs-nb-labs-innovation-publique-reseau-ditp',
		def: {
			politique_id: 'reseau-labs', theme_id: 'reseau', nom: "Laboratoires d'innovation publique du réseau animé par la DITP",
			description: "Laboratoires d'innovation publique (ministères, préfectures de région, collectivités territoriales, hôpitaux, opérateurs) du réseau que la DITP anime, dont les laboratoires d'innovation territoriale de l'État."
		},
		date: '2024-11-21', valeur: '135', source_id: 'W01',
		quote: "La DITP anime le réseau des 135 labs et pilote les 16 laboratoires d'innovation territoriale",
		also: "« Plus de 130 laboratoires d'innovation publique au sein des ministères, des préfectures de régions, de collectivités territoriales, d'hôpitaux et d'opérateurs constituent le réseau »"
	},
	{
		indicator: 'ftap-nb-projets-laureats-cumules', date: '2019-11-19', valeur: '63', source_id: 'W06',
		quote: "À l'issue des appels à projets 2018 et 2019, le FTAP soutient 63 projets pour un montant total de 351 M€"
	},
	{
		indicator: 'ftap-montant-investi-cumule', date: '2019-11-19', valeur: '351000000', source_id: 'W06',
		quote: "À l'issue des appels à projets 2018 et 2019, le FTAP soutient 63 projets pour un montant total de 351 M€"
	},
	{
		indicator: 'ftap-nb-entites-beneficiaires',
		def: {
			politique_id: 'ftap', theme_id: 'bilan', nom: 'FTAP — entités bénéficiaires des projets soutenus (cumul)',
			description: 'Entités (administrations centrales, préfectures ou directions départementales, opérateurs de l’État) bénéficiant des projets soutenus par le FTAP, selon le bilan du 4e Comité interministériel de la transformation publique.'
		},
		date: '2019-11-19', valeur: '61', source_id: 'W06',
		quote: "Il bénéficie à 61 entités de toutes natures et de tous niveaux dont 31 directions d'administration centrales, 9 préfectures ou directions départementales, 21 opérateurs de l'État dont 4 universités"
	},
	{
		indicator: 'spp-resultats-nb-structures',
		def: {
			politique_id: 'resultats-services-publics-plus', theme_id: 'transparence', nom: 'Services Publics+ — structures dont les résultats de qualité de service sont publiés (API)',
			description: 'Structures (lieux d’accueil) dont l’API « Resultats de qualité des services publics » de la DITP donne les résultats.'
		},
		date: '', valeur: '15000', qualificatif: 'pres de', source_id: 'W07',
		quote: 'Accédez aux résultats de qualité des services publics de près de 15000 structures en France'
	},
	{
		indicator: 'spp-resultats-nb-reseaux-transparents',
		def: {
			politique_id: 'resultats-services-publics-plus', theme_id: 'transparence', nom: 'Services Publics+ — réseaux de services publics transparents sur leurs résultats',
			description: 'Réseaux de services publics de l’État dont les résultats sont publiés sur la plateforme Services Publics+ (description du jeu de données des indicateurs).'
		},
		date: '', valeur: '30', qualificatif: 'approx. (une trentaine)', source_id: 'W09',
		quote: "Les principaux services publics de l'Etat sont représentés (plus de 2.5 millions d'agents), soit une trentaine de réseaux qui sont transparents sur la qualité de"
	},
	{
		indicator: 'spp-resultats-nb-agents-reseaux-transparents',
		def: {
			politique_id: 'resultats-services-publics-plus', theme_id: 'transparence', nom: 'Services Publics+ — agents des réseaux transparents sur leurs résultats',
			description: 'Agents des services publics de l’État représentés dans les résultats publiés sur la plateforme Services Publics+ (description du jeu de données des indicateurs).'
		},
		date: '', valeur: '2500000', qualificatif: '>', source_id: 'W09',
		quote: "Les principaux services publics de l'Etat sont représentés (plus de 2.5 millions d'agents), soit une trentaine de réseaux qui sont transparents sur la qualité de"
	}
];

/** The Services Publics+ engagements the page names, in its words and its numbering. */
export const SPP_ENGAGEMENTS: { numero: number; texte: string; source_id: string; date: string }[] = [
	{ numero: 1, texte: 'Dans le respect mutuel, vous êtes accueillis avec courtoisie et bienveillance et dans les conditions prévues par la loi, vous avez le droit à l’erreur', source_id: 'W02', date: '2024-01-23' },
	{ numero: 2, texte: 'Nous sommes joignables par téléphone ou sur place et nous facilitons vos démarches en ligne', source_id: 'W02', date: '2024-01-23' },
	{ numero: 3, texte: 'Vous bénéficiez d’un accompagnement adapté à votre situation personnelle', source_id: 'W02', date: '2024-01-23' },
	{ numero: 4, texte: 'Nous vous orientons vers la personne compétente pour traiter votre demande', source_id: 'W02', date: '2024-01-23' },
	{ numero: 5, texte: 'Vous recevez une réponse à vos demandes dans les délais annoncés et vous êtes informés sur l’avancement de votre dossier', source_id: 'W02', date: '2024-01-23' }
];

/** Programme pages of the site (src/lib/server/queries/programmes.ts PROGRAMME_PAGES). */
export type GapPage = 'laboratoires' | 'budgets' | 'complexite' | 'services-publics-plus';
/** What the read pages do not give, on the page of the site it concerns, with the source that would fill it. */
export const SOURCE_GAPS: { id: string; page: GapPage; texte: string; source_id: string }[] = [
	{
		id: 'lacune-ftap-laureats-2018', page: 'budgets', source_id: 'F01',
		texte: 'Les 17 lauréats du premier appel à projets du FTAP (juin 2018), leurs porteurs et leurs montants : seule l’ouverture de la page de la DITP a pu être lue, la liste n’y figure pas.'
	},
	{
		id: 'lacune-ftap-laureats-2021', page: 'budgets', source_id: 'F08',
		texte: 'Les 12 lauréats du FTAP 2021 et leurs montants : seule l’ouverture de la page a pu être lue ; les projets qui y sont nommés sont dans la liste des projets ci-dessus.'
	},
	{
		id: 'lacune-labs-liste-reseau', page: 'laboratoires', source_id: 'W01',
		texte: 'La liste des 135 laboratoires du réseau animé par la DITP : la page ne la donne pas dans la partie lue.'
	},
	{
		id: 'lacune-complexite-2018-par-evenement', page: 'complexite', source_id: 'P01',
		texte: 'Particuliers 2018 : les résultats complets par événement de vie sont dans le PDF « Enquête 2018 » de la page, non lu ici ; seuls les chiffres du texte de la page sont repris.'
	},
	{
		id: 'lacune-complexite-2022-par-evenement', page: 'complexite', source_id: 'P07',
		texte: 'Particuliers 2022 : la page ne donne aucun chiffre par événement de vie ; ils sont dans son PDF « Baromètre de la complexité administrative et de la confiance en l’administration par événement de vie », non lu ici.'
	},
	{
		id: 'lacune-confiance-2020-par-evenement', page: 'complexite', source_id: 'P13',
		texte: 'Confiance des particuliers 2020 par événement de vie (naissance, perte ou recherche d’emploi, précarité) : le passage de la page de la DITP qui donne ces écarts n’a pas pu être lu ici ; aucun n’est repris.'
	},
	{
		id: 'lacune-spp-engagements-6-9', page: 'services-publics-plus', source_id: 'W05',
		texte: 'Engagements n° 6 à 9 de Services Publics+ : la copie lue de la page de la préfecture du Val-de-Marne s’arrête au n° 6, et la page de la DITP qui les présente ne les donne pas dans la partie lue ; leur texte n’est pas repris (le jeu de données des indicateurs dit seulement que la transparence des résultats est l’« engagement n°6 »).'
	},
	{
		id: 'lacune-spp-resultats-open-data', page: 'services-publics-plus', source_id: 'W09',
		texte: 'Résultats de qualité de service publiés par structure (open data « Résultats Services Publics+ », près de 15 000 structures selon api.gouv.fr) : seule la description du jeu de données a pu être lue, pas ses résultats (la fiche de l’API sur api.gouv.fr renvoie vers data.gouv.fr) ; seul le taux de satisfaction de SignalConso est repris, d’une copie de ces données.'
	}
];

/** Each search run for issue 13, what it returned (for SOURCES.md « Recherches »). */
export const SEARCHES: { corpus: string; query: string; found: string }[] = [
	{ corpus: 'pages', query: 'Découvrez les 17 projets lauréats Fonds pour la transformation de l’action publique', found: 'pas la page de la DITP ; pages sans rapport' },
	{ corpus: 'pages', query: 'Fonds pour la transformation de l’action publique premier appel à projets 17 lauréats 19 juin 2018 Darmanin', found: 'F01 et sa variante « Investir pour transformer » (publiées le 19 juin 2018) : 122 dossiers, 2,310 Md€, 827 M€ demandés, 15 ministères, 42 organismes, 85 % numérique (déjà dans F01) ; la liste des 17 lauréats est après la partie lue → lacune' },
	{ corpus: 'pages', query: '17 projets lauréats pour transformer l’action publique Health Data Hub Incub’o montant FTAP 2018', found: 'introuvable depuis cet environnement (pages sans rapport)' },
	{ corpus: 'pages', query: 'FTAP 2021 : 80 millions d’euros investis dans 12 projets de transformation publique', found: 'F08 (appel du 24 juin 2021, annonce le 28 novembre 2021, 12 lauréats, 80 M€, premier lauréat « Big Data et IA ») et X05 (14 décembre 2021 : 107 projets, 24,2 M€ pour deux projets de procédure pénale numérique) : déjà dans le seed ; la suite de la liste n’est pas lisible → lacune' },
	{ corpus: 'pages', query: 'FTAP 2021 lauréats procédure pénale numérique porteur du projet description montant', found: 'mêmes pages, même ouverture ; F04 et la page du 5 juillet 2023 (déjà dans le seed)' },
	{ corpus: 'pages', query: 'La DITP anime le réseau des 135 labs et pilote les 16 laboratoires d’innovation territoriale', found: 'W01 (publiée le 21 novembre 2024, mise à jour le 10 février 2025) : 135 labs, 16 laboratoires d’innovation territoriale, « plus de 130 » → transcrit' },
	{ corpus: 'pages', query: '17 projets pour moderniser l’administration FTAP lauréats liste cio-online', found: 'W06 (publiée le 19 novembre 2019) : 63 projets, 351 M€, 61 entités bénéficiaires → transcrits ; F03, F04, F05, F01, F08 (déjà dans le seed) ; pas de liste des 17 lauréats' },
	{ corpus: 'pages', query: 'lauréats FTAP 2021 INRAP Big Data IA douane justice liste des 12 projets montants', found: 'introuvable depuis cet environnement (un formulaire de candidature de la douane sans date ni montant, non repris)' },
	{ corpus: 'pages', query: 'droit à l’erreur baromètre 2020 confiance hausse naissance d’un enfant 18 points recherche d’emploi précarité', found: 'introuvable depuis cet environnement' },
	{ corpus: 'pages', query: 'baromètre de la complexité administrative 2018 résultats événements de vie', found: 'P01 (publiée le 12 septembre 2019) : 21 %, « Je suis ressortissant UE » 25 % (− 5 points), « Je prends soin de ma santé / hôpital » 5 % (− 6 points), déjà dans le seed ; le PDF par événement n’est pas lisible → lacune' },
	{ corpus: 'pages', query: 'complexité administrative vue par les usagers enquête 2022 événements de vie résultats', found: 'P07 (publiée le 24 mai 2023) : méthode seulement (BVA, 8 009 personnes, 25 événements de vie, déjà dans le seed) → lacune' },
	{ corpus: 'pages', query: 'baromètres confiance 2020 naissance + 18 points perte recherche d’emploi + 14 points précarité + 13 points', found: 'introuvable depuis cet environnement' },
	{ corpus: 'pages', query: 'Baromètres confiance 2020 : le niveau de confiance des particuliers et des entreprises progresse', found: 'introuvable depuis cet environnement (P13 non renvoyée)' },
	{ corpus: 'pages', query: 'confiance des particuliers par événement de vie naissance d’un enfant perte d’emploi précarité hausse DITP 2020', found: 'introuvable depuis cet environnement → lacune' },
	{ corpus: 'pages', query: 'Les Français et le droit à l’erreur 2020 Harris Interactive confiance par événement de vie évolution points naissance', found: 'W03 (vague 3, terrain du 26 novembre au 3 décembre 2020, 2 028 personnes, 72 % de confiance comme P13) : échantillon transcrit dans la vague 2020 ; pas d’écart par événement' },
	{ corpus: 'pages', query: 'Services Publics+ neuf engagements qualité de service usagers', found: 'W02 (mise à jour le 23 janvier 2024) : engagements n° 1 à 5 → transcrits ; W05 (non datée) : « 9 nouveaux engagements », sans leur texte ; pages de préfectures titrées « 8 engagements » dont le texte parle de 9 (non reprises)' },
	{ corpus: 'pages', query: 'Engagement n°6 Engagement n°7 Engagement n°8 Engagement n°9 Services Publics + avis usagers amélioration', found: 'introuvable depuis cet environnement' },
	{ corpus: 'pages', query: 'Engagement n°6 Nous vous facilitons l’accès Engagement n°9 Services Publics + 9 engagements liste', found: 'introuvable depuis cet environnement → lacune' },
	{ corpus: 'pages', query: 'Nous vous informons sur les délais et votre avis est pris en compte pour améliorer nos services engagement Services Publics +', found: 'introuvable depuis cet environnement' },
	{ corpus: 'pages', query: 'Résultats Services Publics+ API open data résultats qualité de service structures', found: 'introuvable depuis cet environnement' },
	{ corpus: 'docs', query: 'Résultats Services Publics+ API', found: 'W04 : la copie ne montre que le renvoi vers data.gouv.fr/dataservices → lacune' },
	{ corpus: 'docs', query: 'data.gouv.fr jeu de données résultats Services Publics+ indicateurs qualité de service par structure DITP', found: 'W07 (api.gouv.fr, page non datée) : « près de 15000 structures » → transcrit ; data.gouv.fr, page des API de la DITP (« Mis à jour le 7 nov. 2024 », sans chiffre de résultats)' },
	{ corpus: 'pages', query: 'plus.transformation.gouv.fr résultats services publics transparence structure satisfaction usagers publiés', found: 'W09 (description du jeu de données export-indicateurs, non datée) : « plus de 2.5 millions d’agents », « une trentaine de réseaux », transparence = « engagement n°6 » → transcrits ; pas les résultats ; descriptions d’autres jeux de la plateforme qui disent « 9 engagements » ou « 8 engagements » (non reprises)' },
	{ corpus: 'pages', query: 'complexité ressentie en hausse événements de vie 2018 handicap perte d’un proche points depuis 2016 DITP enquête', found: 'introuvable depuis cet environnement' },
	{ corpus: 'code', query: 'Services Publics+ résultats open data engagements qualité dataset', found: 'etalab/barometre-resultats-documentation (définition du taux de transparence, déjà source S03) ; pas de résultats par structure' },
	{ corpus: 'issues', query: 'Services Publics+ résultats API open data', found: 'introuvable depuis cet environnement (fils sans rapport)' }
];
