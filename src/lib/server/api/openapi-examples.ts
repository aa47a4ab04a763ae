/**
 * Example bodies of the OpenAPI document: abridged answers of the bundled data, checked against
 * their schemas in tests/api/comparaison.test.ts.
 */

const territory = (id: string, maille: string, code_insee: string, nom: string, population: number, page: string) => ({
	id,
	maille,
	code_insee,
	nom,
	population,
	liens: { self: `/api/v1/territoires/${id}`, page }
});

const cell = (territoire_id: string, valeur: number, ecart_france: number | null, rest: Record<string, unknown>) => ({
	territoire_id,
	date: '2024-05-01',
	valeur,
	qualificatif: null,
	valeur_pour_100000_habitants: null,
	ecart_france,
	ecart_dates_differentes: false,
	...rest
});

/** `/api/v1/comparaison?territoires=R84,D2A&famille=politiques-prioritaires&theme=culture`, lists shortened. */
export const COMPARISON_EXAMPLE = {
	source: {
		producteur: 'DITP et producteurs cités (champ « producteur » de chaque indicateur)',
		url: '/donnees',
		date_mise_a_jour: '2025-11-13',
		donnees_importees_le: '2026-11-22T07:12:48.641Z'
	},
	licence: {
		nom: 'Licence Ouverte / Etalab 2.0, sauf mention contraire (champ « licence » de chaque indicateur)',
		url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
		attribution:
			'Baromètre des résultats de l’action publique (DITP et producteurs cités), données mises à jour le 22 novembre 2026 — Licence Ouverte / Etalab 2.0'
	},
	filtres: { territoires: ['R84', 'D2A'], famille: 'politiques-prioritaires', theme: 'culture' },
	territoires: [
		territory('R84', 'region', '84', 'Auvergne-Rhône-Alpes', 8205557, '/territoires/regions/84'),
		territory('D2A', 'departement', '2A', 'Corse-du-Sud', 168306, '/territoires/departements/2A')
	],
	france: territory('FR', 'national', 'FR', 'France', 68350798, '/territoires/france'),
	familles: [
		{ id: 'politiques-prioritaires', nom: 'Politiques prioritaires (2023 et après)', nombre: 58 },
		{ id: 'barometre-2017-2022', nom: 'Baromètre des résultats 2017–2022', nombre: 42 }
	],
	themes: [{ id: 'culture', nom: 'Culture', nombre: 1 }],
	nombre_communs: 100,
	nombre: 1,
	indicateurs: [
		{
			id: 'IND-200',
			nom: 'Taux de couverture des +18 ans',
			famille: { id: 'politiques-prioritaires', nom: 'Politiques prioritaires (2023 et après)' },
			theme: { id: 'culture', nom: 'Culture' },
			politique: { id: 'CH-080', nom: 'Poursuivre le déploiement du Pass Culture' },
			unite: '%',
			sens: 'hausse',
			pour_100000_habitants: false,
			producteur: "DITP — Baromètre des résultats de l'action publique",
			licence: 'Licence Ouverte / Etalab 2.0',
			url_source: 'https://www.data.gouv.fr/fr/datasets/barometre-des-resultats-de-laction-publique/',
			date_mise_a_jour: '2024-06-29',
			liens: {
				self: '/api/v1/indicateurs/IND-200',
				page: '/indicateurs/IND-200',
				valeurs_json: '/api/v1/indicateurs/IND-200/valeurs.json?territoires=R84,D2A,FR'
			},
			valeurs: [
				cell('R84', 76.61, -5.41, {
					cible: { date: '2026-12-01', valeur: 82 },
					taux_avancement: 32.625,
					statut: 'en-retard',
					statut_date: '2024-05-01',
					statut_libelle: 'En retard au vu de la valeur de mai 2024',
					rang: 15,
					territoires_classes: 18
				}),
				cell('D2A', 58.67, -23.35, {
					cible: null,
					taux_avancement: null,
					statut: 'sans-cible',
					statut_date: null,
					statut_libelle: 'Sans cible',
					rang: 98,
					territoires_classes: 101
				}),
				cell('FR', 82.02, null, {
					cible: { date: '2026-12-01', valeur: 80 },
					taux_avancement: 100,
					statut: 'atteinte',
					statut_date: '2024-05-01',
					statut_libelle: 'Cible atteinte au vu de la valeur de mai 2024',
					rang: null,
					territoires_classes: null
				})
			]
		}
	]
};
