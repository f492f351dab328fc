package demo

import "seminars/internal/model"

// foundationCourses are the seminars about social media as a whole: the overview for every
// business function, leadership and organisation, guidelines and measuring success.
func foundationCourses() []course {
	return []course{
		{
			seminar: model.Seminar{
				Slug:     "social-media-kompetenz-fuer-alle-unternehmensbereiche",
				TitleDE:  "Social Media Kompetenz für alle Unternehmensbereiche",
				TitleEN:  "Social Media Competence for Every Business Function",
				TeaserDE: "Social Media ist Kommunikationsinfrastruktur – wie Telefon und E-Mail. An diesem Tag erfahren Sie, wie jeder Bereich Ihres Unternehmens sie sinnvoll und sicher nutzt.",
				TeaserEN: "Social media is communication infrastructure, just like the telephone and e-mail. In this one-day seminar you see how every part of your company can use it sensibly and safely.",
				DescriptionDE: "Wo gehört Social Media im Unternehmen hin? Die Gegenfrage hilft weiter: Wo gehören Telefon und E-Mail hin? " +
					"Wer für seine Arbeit kommunizieren muss, nutzt die passenden Kanäle – und Social Media gehört heute selbstverständlich dazu.\n\n" +
					"Gemeinsam gehen wir durch Marketing, Vertrieb, Kundenservice, Personal, Presse- und Öffentlichkeitsarbeit, Führung sowie IT und Datenschutz und zeigen an konkreten Beispielen, was Social Media dort leistet. " +
					"Sie zeichnen eine Landkarte Ihres eigenen Unternehmens und gehen mit klaren nächsten Schritten nach Hause.",
				DescriptionEN: "Where does social media belong in a company? A counter-question helps: where do the telephone and e-mail belong? " +
					"Anyone who needs to communicate for their work uses the right channels, and today social media is naturally one of them.\n\n" +
					"Together we walk through marketing, sales, customer service, HR, PR, leadership as well as IT and data protection, and show with concrete examples what social media achieves there. " +
					"You draw a map of your own company and leave with clear next steps.",
				PrepareDE:         "Bringen Sie bitte ein Notebook oder Tablet mit. Notieren Sie vorab alle Bereiche Ihres Unternehmens, die Social Media sinnvoll nutzen könnten – es werden mehr als fünf sein.",
				PrepareEN:         "Please bring a laptop or tablet. Note in advance every part of your company that could make good use of social media – there will be more than five.",
				FunctionList:      "management,marketing,sales",
				DurationMinutes:   480,
				DefaultPriceCents: 69000,
				// Example approvals: the numbers say they are samples, like the demo's quotes.
				FundingApprovals: model.FundingApprovals{
					{State: "HE", Number: "BEISPIEL-HE-2026-044"},
					{State: "NW", Number: "BEISPIEL-NW-2026-0815"},
				},
				CertificateTextDE: "Beispieltext: Die Veranstaltung ist in Nordrhein-Westfalen nach dem Arbeitnehmerweiterbildungsgesetz (AWbG) und in Hessen nach dem Hessischen Bildungsurlaubsgesetz (HBUG) als Bildungsurlaub anerkannt.",
				CertificateTextEN: "Sample text: the seminar is approved as educational leave in North Rhine-Westphalia under the Employee Further Education Act (AWbG) and in Hesse under the Hessian Educational Leave Act (HBUG).",
				// Group pricing: a company sending a team pays 10 % less from the 3rd person on.
				GroupPricing: model.GroupPricingOwn, GroupFromSeat: 3, GroupPercentBP: 1000,
			},
			runs: []run{
				{after: 24, city: "Berlin", capacity: 16, taken: 14, minimum: 6, confirmed: true},
				{after: 70, city: "Hamburg", capacity: 16, earlyBirdWeeks: 5, minimum: 6},
				{after: 110, capacity: 12},
				{after: 160, city: "München", capacity: 16},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "social-media-fuer-fuehrungskraefte",
				TitleDE:  "Social Media für Führungskräfte: Strategie und Organisation",
				TitleEN:  "Social Media for Leaders: Strategy and Organisation",
				TeaserDE: "Wo gehört Social Media im Unternehmen hin? Sie entwickeln eine Antwort, die zu Ihrer Organisation passt – jenseits der Frage, welche Abteilung „zuständig“ ist.",
				TeaserEN: "Where does social media belong in your company? You develop an answer that fits your organisation – beyond the question of which department is \"in charge\".",
				DescriptionDE: "Social Media wird gern ganz „klassisch“ im Marketing verortet. Dabei ist es eine Kommunikationsinfrastruktur, die Vertrieb, Service, Personal und Führung genauso betrifft. " +
					"Die entscheidende Frage lautet deshalb weniger, wo Social Media hingehört, sondern wer welche Kompetenz dafür braucht.\n\n" +
					"Sie klären Ziele, Rollen und Verantwortlichkeiten, wägen zentrale und dezentrale Modelle ab und planen, wie Sie Kompetenz in die Breite bringen. " +
					"Außerdem üben Sie, als Führungskraft selbst sichtbar und glaubwürdig zu kommunizieren.",
				DescriptionEN: "Social media is often filed under marketing, the \"classic\" way. Yet it is communication infrastructure that concerns sales, service, HR and leadership just as much. " +
					"So the decisive question is less where social media belongs than who needs which competence for it.\n\n" +
					"You clarify goals, roles and responsibilities, weigh central against decentralised models and plan how to build competence across the organisation. " +
					"You also practise communicating visibly and credibly as a leader yourself.",
				PrepareDE:         "Bringen Sie ein Organigramm oder eine Übersicht Ihrer Bereiche mit. Überlegen Sie vorab, welche Unternehmensziele Social Media unterstützen soll.",
				PrepareEN:         "Bring an organisation chart or an overview of your departments. Think in advance about which business goals social media should support.",
				FunctionList:      "management",
				DurationMinutes:   480,
				DefaultPriceCents: 89000,
			},
			runs: []run{
				{after: 35, city: "Frankfurt am Main", capacity: 10, taken: 10},
				{after: 95, city: "Düsseldorf", capacity: 10, earlyBirdWeeks: 6},
				{after: 180, city: "Berlin", capacity: 10},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "social-media-guidelines-fuer-mitarbeitende",
				TitleDE:  "Social Media Guidelines für Mitarbeitende",
				TitleEN:  "Social Media Guidelines for Employees",
				TeaserDE: "Klare, verständliche Leitlinien geben Sicherheit statt Verbote. In diesem Online-Halbtag entwickeln Sie Guidelines, die Ihre Mitarbeitenden gern lesen und anwenden.",
				TeaserEN: "Clear, readable guidelines give confidence instead of bans. In this online half-day you develop guidelines your employees will actually read and follow.",
				DescriptionDE: "Niemand braucht eine Dienstanweisung, um zu telefonieren – aber alle profitieren davon zu wissen, was sie im Namen des Unternehmens sagen dürfen. " +
					"Gute Social Media Guidelines schaffen genau diese Sicherheit.\n\n" +
					"Sie lernen die wichtigsten Bausteine kennen: private und dienstliche Nutzung, Vertraulichkeit, Tonalität, Umgang mit Kritik und Ansprechpersonen im Ernstfall. " +
					"Anhand von Beispielen entwerfen Sie eine erste Fassung für Ihr Haus und klären, wie Sie Betriebsrat, Datenschutz und Personalabteilung einbinden.",
				DescriptionEN: "No one needs a formal instruction to use the telephone – but everyone benefits from knowing what they may say on behalf of the company. " +
					"Good social media guidelines create exactly that confidence.\n\n" +
					"You learn the essential building blocks: private and business use, confidentiality, tone, handling criticism and whom to contact when things go wrong. " +
					"Working from examples, you draft a first version for your organisation and plan how to involve the works council, data protection and HR.",
				PrepareDE:         "Halten Sie, falls vorhanden, Ihre bestehenden Richtlinien zu Kommunikation oder IT-Nutzung bereit. Sie benötigen einen Computer mit Kamera, Mikrofon und aktuellem Browser.",
				PrepareEN:         "If available, have your existing communication or IT usage policies at hand. You need a computer with camera, microphone and an up-to-date browser.",
				FunctionList:      "hr,it_privacy,management",
				DurationMinutes:   240,
				DefaultPriceCents: 39000,
			},
			runs: []run{
				{after: 28, capacity: 16},
				{after: 84, capacity: 16},
				{after: 150, capacity: 16},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "social-media-analytics-erfolg-messen",
				TitleDE:  "Social Media Analytics: Erfolg messen und steuern",
				TitleEN:  "Social Media Analytics: Measuring and Steering Success",
				TeaserDE: "Reichweite allein ist kein Ziel. Sie lernen, welche Kennzahlen wirklich zeigen, ob Social Media Ihrem Unternehmen nützt.",
				TeaserEN: "Reach alone is not a goal. You learn which metrics truly show whether social media benefits your company.",
				DescriptionDE: "Likes und Follower sind schnell gezählt, sagen aber wenig darüber aus, ob Social Media Ihre Ziele unterstützt. " +
					"Wer Social Media als Kommunikationsinfrastruktur versteht, misst, was Kommunikation bewirkt: Anfragen, Gespräche, Bewerbungen, gelöste Kundenanliegen.\n\n" +
					"Sie leiten aus Ihren Unternehmenszielen passende Kennzahlen ab, arbeiten mit den Statistiken von LinkedIn, Instagram und Co. und bauen ein schlankes Reporting auf. " +
					"So begründen Sie Entscheidungen und setzen Budgets dort ein, wo sie am meisten bewirken.",
				DescriptionEN: "Likes and followers are quickly counted but say little about whether social media supports your goals. " +
					"Anyone who sees social media as communication infrastructure measures what communication achieves: enquiries, conversations, applications, resolved customer issues.\n\n" +
					"You derive suitable metrics from your business goals, work with the analytics of LinkedIn, Instagram and others, and set up a lean report. " +
					"That way you can justify decisions and spend budgets where they achieve the most.",
				PrepareDE:         "Bringen Sie ein Notebook mit und, wenn möglich, Zugang zu den Statistiken Ihrer Unternehmensprofile. Notieren Sie zwei oder drei Ziele, die Social Media bei Ihnen unterstützen soll.",
				PrepareEN:         "Bring a laptop and, if possible, access to the analytics of your company profiles. Note two or three goals social media should support in your company.",
				FunctionList:      "marketing,management",
				DurationMinutes:   480,
				DefaultPriceCents: 72000,
			},
			runs: []run{
				{after: 45, city: "Köln", capacity: 14},
				{after: 120, capacity: 12},
				{after: 200, city: "Stuttgart", capacity: 14},
			},
		},
	}
}
